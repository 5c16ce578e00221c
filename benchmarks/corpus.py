"""A deterministic benchmark corpus: rendered reports with seeded perturbations, made on demand.

    python benchmarks/corpus.py 20000          # writes benchmarks/corpus/20000-s1/

Each report is a random model (govparse.render.random_report) rendered in one
of the layouts the renderer knows, with a seeded choice of perturbations and
now and then GB18030 or UTF-16, so the mix is the same on every machine and
every run. ``truth.jsonl`` holds, line by line, the file name and the tables
the model says, which is what the benchmark checks the parser against. The
corpus is not committed (benchmarks/corpus/ is ignored); making 20,000
reports takes about half a minute.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from govparse.render import LAYOUTS, PERTURBATION_NAMES, random_report, render_bytes  # noqa: E402
from govparse.result import dumps  # noqa: E402

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
PERTURBATION_RATE = 0.2  # each perturbation is applied to a fifth of the reports
ENCODING_MIX = (("utf-8", 0.9), ("gb18030", 0.07), ("utf-16", 0.03))
TABLE_KEYS = ("active_disclosure", "applications", "review_litigation")


def _encoding(rng: random.Random) -> str:
    roll = rng.random()
    for name, share in ENCODING_MIX:
        if roll < share:
            return name
        roll -= share
    return ENCODING_MIX[0][0]


def fingerprint() -> str:
    """Short hash of the code that writes the corpus: a changed renderer makes a new corpus."""
    digest = hashlib.sha256()
    for source in (ROOT / "govparse" / "render.py", Path(__file__)):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def corpus_path(count: int, seed: int = 1) -> Path:
    return CORPUS_DIR / f"{count}-s{seed}-{fingerprint()}"


def make_corpus(count: int, seed: int = 1) -> Path:
    """Write ``count`` reports (and truth.jsonl) unless that corpus is already complete."""
    folder = corpus_path(count, seed)
    truth_file = folder / "truth.jsonl"
    if truth_file.is_file() and sum(1 for _ in truth_file.open(encoding="utf-8")) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with truth_file.open("w", encoding="utf-8") as truth:
        for number in range(count):
            rng = random.Random(f"govparse-bench-{seed}-{number}")
            report = random_report(rng, consistent=rng.random() < 0.8)
            layout = LAYOUTS[number % len(LAYOUTS)]
            perturbations = tuple(p for p in PERTURBATION_NAMES if rng.random() < PERTURBATION_RATE)
            name = f"r{number:06d}.txt"
            (folder / name).write_bytes(
                render_bytes(report, layout, perturbations, seed=number, encoding=_encoding(rng)))
            expected = report.expected(layout)
            truth.write(dumps({"file": name, **{key: expected[key] for key in TABLE_KEYS}}) + "\n")
    return folder


def read_truth(folder: Path):
    """(file name, tables) for each report, with money as Decimal."""
    from decimal import Decimal

    with (folder / "truth.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line, parse_float=Decimal)
            yield record.pop("file"), record


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    print(make_corpus(count))
