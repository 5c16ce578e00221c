"""What ``govparse audit`` reads: report files, folders of them, and ``govparse batch`` JSON lines.

A batch output is read as it is (the corpus is parsed once); reports named on
the command line or found in a folder are parsed here. In a folder a report is
a file named as text, HTML, PDF or DOCX, or one whose bytes say PDF or DOCX
whatever its name (a downloaded ``.doc`` that is a DOCX, a PDF with no suffix),
as ``parse_file`` tells them. Each report's text is read again only when the
page is written, for the lines around its values: for a PDF or DOCX, the lines
the parser read it into, which its source lines count.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from ..decode import decode
from ..documents import read_document, sniff
from ..errors import GovparseError
from ..pipeline import DEFAULT_MAX_BYTES, parse_file
from .checks import Entry, entry_from_record, entry_from_result

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
BATCH_SUFFIXES = (".jsonl",)
MAX_TEXT_BYTES = 8 * 1024 * 1024  # a report's text read back for context at most
SNIFF_BYTES = 1024  # the head of a file that says PDF or ZIP (a DOCX is a ZIP archive)
_PDF_HEAD = b"%PDF-"  # within the head: a reader accepts a little junk before it
_ZIP_HEAD = b"PK\x03\x04"
PARSE_TIMEOUT = 60.0  # seconds a worker may spend on one report


class InputError(ValueError):
    """An input that is neither a report, a folder of them, nor a batch output."""


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """The files named, folders replaced by the reports below them (sorted)."""
    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and (
                p.suffix.lower() in REPORT_SUFFIXES or is_document(p))))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def is_document(path: Path) -> bool:
    """A PDF or DOCX by its bytes; a text file is read no further than its head."""
    return _document_bytes(path, whole=False) is not None


def _document_bytes(path: Path, whole: bool = True) -> tuple[str, bytes] | None:
    """(kind, bytes) of a PDF or DOCX, None for anything else; ``whole`` False reads a PDF's head
    only (a ZIP is read whole, up to the size limit, to find the Word part)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(SNIFF_BYTES)
            zipped = data.startswith(_ZIP_HEAD)
            if _PDF_HEAD not in data and not zipped:
                return None
            if whole or zipped:
                data += handle.read(DEFAULT_MAX_BYTES)
        kind = sniff(data)
    except (OSError, GovparseError):
        return None
    return None if kind is None else (kind, data)


def entry_of(name: str) -> Entry:
    """One report file parsed into its entry; a file that cannot be read is an entry saying why."""
    try:
        return entry_from_result(name, parse_file(name))
    except GovparseError as error:
        return Entry(name, ok=False, error=str(error))


def load(inputs: Iterable[str | Path], jobs: int = 1, timeout: float | None = PARSE_TIMEOUT) -> tuple[list[Entry], dict[str, Path]]:
    """Entries of every report, in the order given, and where each report's text is (when on disk).

    With ``jobs`` above 1 the report files are parsed by that many worker processes
    (govparse.pool: a worker that dies or runs past ``timeout`` costs one report, an
    entry saying so)."""
    places: list[Entry | str] = []  # an entry, or the name of a report file still to parse
    paths: dict[str, Path] = {}
    for path in expand(inputs):
        if path.suffix.lower() in BATCH_SUFFIXES:
            for number, record in enumerate(_records(path)):
                entry = entry_from_record(record, number)
                places.append(entry)
                for candidate in (Path(entry.report), path.parent / entry.report):
                    if candidate.is_file():
                        paths[entry.report] = candidate
                        break
        else:
            places.append(str(path))
            paths[str(path)] = path
    files = [name for name in places if isinstance(name, str)]
    parsed = _parse_all(files, jobs, timeout)
    return [parsed[item] if isinstance(item, str) else item for item in places], paths


def _parse_all(files: list[str], jobs: int, timeout: float | None) -> dict[str, Entry]:
    if jobs <= 1 or len(files) < 2 * jobs:
        return {name: entry_of(name) for name in files}
    from ..batch import warm
    from ..pool import Pool
    parsed = {}
    for outcome in Pool(entry_of, jobs, init=warm, timeout=timeout).map(files):
        parsed[outcome.task] = outcome.value if outcome.ok else Entry(outcome.task, ok=False, error=outcome.error)
    return parsed


def _records(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not a JSON record ({error.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: not a JSON object")
            yield record


def text_reader(paths: dict[str, Path]) -> Callable[[Entry], str | None]:
    """A report's text, decoded as the parser decodes it (a PDF or DOCX: the lines it reads it
    into), or None when it is not at hand."""
    def text_of(entry: Entry) -> str | None:
        path = paths.get(entry.report)
        if path is None:
            return None
        document = _document_bytes(path)
        try:
            if document is not None:
                return "\n".join(read_document(document[1], document[0]).lines)
            if path.stat().st_size > MAX_TEXT_BYTES:
                return None
            return decode(path.read_bytes()).text
        except (OSError, GovparseError):
            return None
    return text_of
