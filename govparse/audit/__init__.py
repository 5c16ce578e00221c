"""Audit a corpus of reports: findings across reports, an HTML page to read them, a tidy frame.

    >>> import govparse
    >>> results = {path.name: govparse.parse_file(path) for path in paths}
    >>> findings = govparse.audit(results)              # each report's findings, X1, duplicates
    >>> frame = govparse.to_frame(results)              # one row per cell (needs pandas)

``govparse.audit`` is this package's ``audit`` function; import its modules with
``from govparse.audit import checks, names``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .checks import KINDS, Entry, Finding, as_entries, audit_entries
from .names import Agencies, AliasError, agency_key, read_aliases


def audit(results: Iterable[Any], aliases: str | Path | dict[str, str] | None = None) -> list[Finding]:
    """Every finding of a corpus: each report's failed identities and notable diagnostics, X1 between
    an agency's consecutive years, and two reports claiming one agency and year.

    ``results``: Results, (name, Result) pairs, a {name: Result} mapping, or ``govparse batch``
    records; ``aliases``: an alias file (see ``govparse.audit.names``) or its mapping.
    """
    if isinstance(aliases, (str, Path)):
        aliases = read_aliases(aliases)
    return audit_entries(as_entries(results), aliases)


def to_frame(results: Iterable[Any]):
    """A tidy long pandas DataFrame, one row per cell (see ``govparse.audit.frame``)."""
    from .frame import to_frame as frame
    return frame(results)


__all__ = ["KINDS", "Agencies", "AliasError", "Entry", "Finding", "agency_key", "audit", "read_aliases", "to_frame"]
