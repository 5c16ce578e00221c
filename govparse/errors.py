"""The exceptions govparse raises: input it cannot take at all.

Everything short of that (a missing table, a blank cell, a broken identity) is
reported as data in the Result, never raised.
"""


class GovparseError(Exception):
    """Input govparse cannot read (wrong type, unreadable file, over the size limit)."""


class InputTooLarge(GovparseError):
    """The input is over the configured size limit (``max_bytes``)."""


class InternalError(GovparseError):
    """govparse itself failed on this input: a bug, reported with the input's context.

    The parser promises a Result or a GovparseError for any input, so an
    unexpected exception is wrapped rather than leaked; tests assert it never
    happens.
    """
