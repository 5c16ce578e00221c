"""The one exception type govparse raises: input it cannot read at all.

Everything short of that (a missing table, a blank cell, a broken identity) is
reported as data in the Result, never raised.
"""


class GovparseError(Exception):
    """Input govparse cannot read (wrong type, unreadable file)."""
