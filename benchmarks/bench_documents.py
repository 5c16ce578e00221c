"""Throughput of govparse on PDF and DOCX reports, next to the text path, on one core.

    python benchmarks/bench_documents.py                 # the committed documents, and the real PDF if ../shared is here
    python benchmarks/bench_documents.py --rounds 20 --out benchmarks/out/documents.json
    python benchmarks/bench_documents.py --compare       # also pdfplumber, if installed (the library not chosen)

What it measures, per document, best of ``--rounds`` passes (CPU time of this process, so
other work on the machine counts little):
- read: govparse.documents.read_document alone (PDF: PDFium's characters and paths, the
  grid from the ruling lines; DOCX: the ZIP and the main part's XML) — and per page;
- parse: govparse.parse of the document's bytes, end to end;
- text: govparse.parse of the same report as text a tool made of it (corpus/tools/, where
  there is one), the path every other report takes.
Reports per second are 1 / parse. The target: a typical six-page report PDF in under 0.3 s.
With ``--compare``, pdfplumber's time to give the same pages' characters and lines (the
least it would need to find the same grid) is measured beside PDFium's.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import govparse  # noqa: E402
from govparse.documents import read_document, sniff  # noqa: E402

DOCUMENTS = ROOT / "corpus" / "documents"
TOOLS = ROOT / "corpus" / "tools"
REAL_PDF = ROOT.parent / "shared" / "reports" / "real" / "huaian-2024-pdf-text.pdf"
TARGET_SIX_PAGES = 0.3  # seconds, a six-page report PDF, end to end


def best(work, rounds: int) -> float:
    """The least CPU time of ``rounds`` runs of ``work()``."""
    times = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def text_twin(path: Path) -> Path | None:
    """A text a tool made of the same report (the shape after '--'), for the text path's time."""
    if REAL_PDF.exists() and path == REAL_PDF:
        return REAL_PDF.with_suffix(".txt")
    shape = path.stem.split("--", 1)[1]
    twin = TOOLS / f"pdftotext-layout--{shape}.txt"
    return twin if twin.exists() else None


def pdfplumber_time(data: bytes, rounds: int) -> float | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    import io

    def work() -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.chars, page.lines, page.rects  # noqa: B018 (what a grid needs)

    return best(work, rounds)


def measure(path: Path, rounds: int, compare: bool) -> dict:
    data = path.read_bytes()
    kind = sniff(data)
    reading = read_document(data, kind)
    govparse.parse(data)  # warm: grammars built, modules imported
    row = {"file": path.name, "kind": kind, "bytes": len(data), "pages": reading.pages or None,
           "read_s": best(lambda: read_document(data, kind), rounds),
           "parse_s": best(lambda: govparse.parse(data), rounds)}
    row["reports_per_s"] = 1 / row["parse_s"] if row["parse_s"] else None
    if reading.pages:
        row["read_per_page_s"] = row["read_s"] / reading.pages
    twin = text_twin(path)
    if twin is not None:
        text = twin.read_bytes()
        row["text_file"] = twin.name
        row["text_parse_s"] = best(lambda: govparse.parse(text), rounds)
    if compare and kind == "pdf":
        row["pdfplumber_chars_lines_s"] = pdfplumber_time(data, max(1, rounds // 4))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", action="store_true", help="also time pdfplumber on the PDFs")
    args = parser.parse_args(argv)
    paths = sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".pdf", ".docx"))
    if REAL_PDF.exists():
        paths.insert(0, REAL_PDF)
    rows = [measure(path, args.rounds, args.compare) for path in paths]
    print(f"{'document':<52} {'pages':>5} {'read ms':>8} {'ms/page':>8} {'parse ms':>9} {'reports/s':>9} "
          f"{'text ms':>8}" + (f" {'pdfplumber ms':>13}" if args.compare else ""))
    for row in rows:
        line = (f"{row['file']:<52} {row['pages'] or '':>5} {row['read_s'] * 1000:>8.1f} "
                f"{row.get('read_per_page_s', 0) * 1000 or float('nan'):>8.1f} {row['parse_s'] * 1000:>9.1f} "
                f"{row['reports_per_s']:>9.1f} {row.get('text_parse_s', float('nan')) * 1000:>8.1f}")
        if args.compare:
            plumber = row.get("pdfplumber_chars_lines_s")
            line += f" {plumber * 1000 if plumber is not None else float('nan'):>13.1f}"
        print(line)
    six = [row for row in rows if row["pages"] == 6]
    for row in six:
        verdict = "under" if row["parse_s"] < TARGET_SIX_PAGES else "OVER"
        print(f"six-page PDF {row['file']}: {row['parse_s']:.3f} s end to end, {verdict} the {TARGET_SIX_PAGES} s target")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                                        "processor": platform.processor(), "rows": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
