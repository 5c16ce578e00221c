"""What ``govparse audit`` reads: report files, folders of them, and ``govparse batch`` JSON lines.

A batch output is read as it is (the corpus is parsed once); reports named on
the command line or found in a folder are parsed here. Each report's text is
read again only when the page is written, for the lines around its values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from ..decode import decode
from ..errors import GovparseError
from ..pipeline import parse_file
from .checks import Entry, entry_from_record, entry_from_result

REPORT_SUFFIXES = (".txt", ".html", ".htm")
BATCH_SUFFIXES = (".jsonl",)
MAX_TEXT_BYTES = 8 * 1024 * 1024  # a report's text read back for context at most
PARSE_TIMEOUT = 60.0  # seconds a worker may spend on one report


class InputError(ValueError):
    """An input that is neither a report, a folder of them, nor a batch output."""


def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """The files named, folders replaced by the reports below them (sorted)."""
    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


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
    """A report's text, decoded as the parser decodes it, or None when it is not at hand."""
    def text_of(entry: Entry) -> str | None:
        path = paths.get(entry.report)
        if path is None:
            return None
        try:
            if path.stat().st_size > MAX_TEXT_BYTES:
                return None
            return decode(path.read_bytes()).text
        except OSError:
            return None
    return text_of
