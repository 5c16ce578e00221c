"""govparse: the statutory tables of 政府信息公开工作年度报告 as validated, typed data.

    >>> import govparse
    >>> result = govparse.parse_file("report.txt")
    >>> result.applications.new_received.total
    14
    >>> result.to_dict()["checks"][0]
    {'id': 'S1', 'column': 'natural_person', 'ok': True, ...}
"""

from .audit import audit, to_frame
from .errors import GovparseError, InputTooLarge, InternalError
from .pipeline import DEFAULT_MAX_BYTES, parse, parse_file
from .result import Result, dumps

__version__ = "0.1.0"
__all__ = ["DEFAULT_MAX_BYTES", "GovparseError", "InputTooLarge", "InternalError", "Result", "audit", "dumps", "parse",
           "parse_file", "to_frame", "__version__"]
