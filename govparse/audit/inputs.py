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


def load(inputs: Iterable[str | Path], progress: Callable[[int], None] | None = None) -> tuple[list[Entry], dict[str, Path]]:
    """Entries of every report, and where each report's text is (when it is on disk)."""
    entries: list[Entry] = []
    paths: dict[str, Path] = {}
    for path in expand(inputs):
        if path.suffix.lower() in BATCH_SUFFIXES:
            for number, record in enumerate(_records(path)):
                entry = entry_from_record(record, number)
                entries.append(entry)
                for candidate in (Path(entry.report), path.parent / entry.report):
                    if candidate.is_file():
                        paths[entry.report] = candidate
                        break
            continue
        name = str(path)
        try:
            entries.append(entry_from_result(name, parse_file(path)))
        except GovparseError as error:
            entries.append(Entry(name, ok=False, error=str(error)))
        paths[name] = path
        if progress is not None:
            progress(len(entries))
    return entries, paths


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
