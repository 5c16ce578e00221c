"""Fixtures made by the extraction tools users really run, on documents made from rendered reports.

Why: the renderer (govparse/render.py) writes the layouts we imagine; users feed
govparse what pdftotext, pdfplumber, html2text, pandoc, w3m or python-docx gave
them. Here a report is rendered as an HTML page, turned into a DOCX and a PDF by
LibreOffice (ruled tables, a CJK font, a page-number footer, long labels wrapping
inside their cells, table 三 crossing a page break), and every tool's output is
written as ``<tool>--<shape>.txt`` beside ``<tool>--<shape>.expected.json``. The
expected values come from the model the report was rendered from, never from
the parser. Where a tool destroys a value (verified on its output, not guessed),
the expected file says so under ``_tool_loses``.

Needs (Debian 12)::

    apt-get install -y --no-install-recommends libreoffice-writer-nogui pandoc lynx w3m \\
        poppler-utils fonts-wqy-microhei fonts-noto-cjk   # body text, bold headings

and a venv with govparse and the python tools, pinned in the Makefile (``make tool-corpus`` makes the
venv and runs this script)::

    python3 -m venv .venv-tools
    .venv-tools/bin/pip install -e . beautifulsoup4 lxml lxml_html_clean trafilatura html2text \\
        pdfplumber pypdf python-docx 'markitdown[docx,pdf]' mammoth docx2txt inscriptis html-text \\
        pymupdf pymupdf4llm   # PyMuPDF is AGPL: a tool users run, here only to make fixtures

One tool's fixtures again, the others kept: ``make_fixtures.py --tools pymupdf pdfminer``.

Run (from the repository root; deterministic: fixed seeds, the same tool
versions give the same files)::

    make tool-corpus                                                 # the venv, then the line below
    .venv-tools/bin/python corpus/tools/make_fixtures.py            # corpus/tools/*.txt, *.expected.json
    .venv-tools/bin/python corpus/tools/make_fixtures.py --keep DIR # also keep the HTML, DOCX and PDF files
    .venv-tools/bin/python corpus/tools/make_fixtures.py --documents # also rewrite corpus/documents/
    .venv-tools/bin/python corpus/tools/make_fixtures.py --held-out 100 5 --out /tmp/held  # a held-out set

The tool versions used are written to corpus/tools/VERSIONS.txt. With
``--documents`` a handful of the small documents are copied to corpus/documents/
(with their expected values) for PDF and DOCX input later.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable

import regex

from govparse import parse
from govparse.render import LAYOUT_BY_NAME, Report, random_report, render
from govparse.result import dumps

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE.parent / "documents"
PAGE = LAYOUT_BY_NAME["html/row-per-line"]
FONT = "WenQuanYi Micro Hei"
TABLES = ("active_disclosure", "applications", "review_litigation")
DOCUMENT_LIMIT = 100_000  # bytes: a PDF or DOCX kept in corpus/documents/ is smaller


@dataclass(frozen=True, slots=True)
class Shape:
    """One report as a document: its edition, its perturbations (those that survive every tool), and
    whether to look for a report with numbers too wide for the narrow columns (they wrap in their cells)."""

    name: str
    edition: str
    perturbations: tuple[str, ...] = ()
    blanks: float = 0.0
    consistent: bool = True
    wide_numbers: bool = False


SHAPES: tuple[Shape, ...] = (
    Shape("2021-clean", "2021"),
    Shape("2019-clean", "2019"),
    Shape("2021-wrapped-numbers", "2021", wide_numbers=True),
    Shape("2021-traditional-variants", "2021", ("label-variants", "thousands", "traditional"), wide_numbers=True),
    Shape("2019-null-marks-split-labels", "2019", ("split-header", "null-marks"), blanks=0.08, consistent=False),
    Shape("2021-blank-cells", "2021", blanks=0.03),
)


# Fixtures of other seeds than the six above, for shapes a tool gives there that the six do not show:
# (tool, shape, number, what the name adds). Report and seeds as in ``other_seed`` (held-out sets are made the
# same way with other numbers); written beside the six as ``<tool>--<shape>-<variant>.txt``.
EXTRAS: tuple[tuple[str, str, int, str], ...] = (
    ("python-docx", "2019-null-marks-split-labels", 12, "label-line-after-merged-total"),
    ("pdftotext-layout", "2019-null-marks-split-labels", 31, "header-cut-by-page-break"),
    # held-out reports whose reading order pdftotext's rules had not met (kept as they were found)
    ("pdftotext", "2019-null-marks-split-labels", 918, "first-value-apart"),
    ("pdftotext", "2021-blank-cells", 905, "moved-middle-column"),
    ("pdftotext", "2021-clean", 301, "last-row-among-table-four"),
    ("pdftotext", "2021-clean", 107, "review-header-one-block"),
    ("pdftotext", "2021-clean", 304, "total-after-late-group-label"),
    ("pdftotext", "2021-clean", 100, "wrapped-label-after-row"),
    ("pdftotext", "2021-traditional-variants", 100, "late-group-label"),
)


def other_seed(shape: Shape, number: int) -> tuple[Report, str, str]:
    """Report ``number`` of ``shape`` beyond the six: its report, seed name and page."""
    report, seed = report_for(shape, 1000 + number * 7 + SHAPES.index(shape))
    return report, seed, render(report, PAGE, shape.perturbations, seed=number)


def _has_wide_numbers(report: Report) -> bool:
    """Two numbers of six digits or more in table 四 (printed in fifteen narrow columns: see print_setup)."""
    numbers = [v for group in dataclasses.astuple(report.review_litigation) for v in group]
    return sum(isinstance(v, int) and v >= 100_000 for v in numbers) >= 2


def report_for(shape: Shape, number: int) -> tuple[Report, str]:
    """The shape's report and its seed name: the first of a fixed sequence of seeds that fits the shape."""
    for attempt in range(1000):
        seed = f"govparse-tools-{number}-{attempt}"
        report = random_report(random.Random(seed), consistent=shape.consistent, blanks=shape.blanks,
                               edition=shape.edition)
        if not shape.wide_numbers or _has_wide_numbers(report):
            return report, seed
    raise RuntimeError(f"no report fits {shape.name}")


# --- documents -------------------------------------------------------------------------

# What a word processor's template gives a printed report: one CJK font, ruled tables.
PRINT_STYLE = (f'<meta charset="utf-8"><style>body {{ font-family: "{FONT}"; font-size: 10.5pt }} '
               "h1 { font-size: 16pt; text-align: center } table { border-collapse: collapse; width: 100% } "
               "td { border: 1px solid black; font-size: 9pt }</style>")


def soffice(profile: Path, args: list[str]) -> None:
    """LibreOffice headless with a profile of its own (never the user's, never another run's)."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args],
                   check=True, capture_output=True, timeout=600)


def print_setup(docx_path: Path) -> None:
    """A4 pages with a centred 第 N 页 共 M 页 footer (the page numbers real PDFs carry into extracted text),
    and table 四 in fifteen equal columns at 10.5 pt, as the statutory form prints it: too narrow for six
    digits, so wide numbers wrap inside their cells."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document(str(docx_path))
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页"):
            if piece.isupper():
                field = OxmlElement("w:fldSimple")
                field.set(qn("w:instr"), piece)
                run = OxmlElement("w:r")
                text = OxmlElement("w:t")
                text.text = "1"
                run.append(text)
                field.append(run)
                footer._p.append(field)
            else:
                footer.add_run(piece)
    width = Cm(16)
    for table in document.tables:
        columns = len(table.columns)
        if columns < 15:
            continue
        table.autofit = False
        for column in table._tbl.tblGrid.gridCol_lst:
            column.w = width // columns
        for row in table.rows:
            for cell in row.cells:
                cell.width = width // columns
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(10.5)  # 五号, the size of the statutory form
    document.save(str(docx_path))


def make_documents(pages: dict[str, str], work: Path) -> None:
    """``<name>.html`` as given, and ``<name>.docx`` and ``<name>.pdf`` made from it by LibreOffice."""
    printable = work / "printable"
    printable.mkdir()
    for name, page in pages.items():
        (work / f"{name}.html").write_text(page, encoding="utf-8")
        (printable / f"{name}.html").write_text(page.replace("<head></head>", f"<head>{PRINT_STYLE}</head>"),
                                                encoding="utf-8")
    profile = work / "lo-profile"
    sources = [str(printable / f"{name}.html") for name in pages]
    soffice(profile, ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML",
                      "--outdir", str(work), *sources])
    for name in pages:
        print_setup(work / f"{name}.docx")
    soffice(profile, ["--convert-to", "pdf", "--outdir", str(work), *(str(work / f"{n}.docx") for n in pages)])


# --- the tools ---------------------------------------------------------------------------


def run(args: list[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, timeout=120).stdout.decode("utf-8")


def beautifulsoup(path: Path) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").get_text("\n")


def trafilatura_text(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8"), include_tables=True, favor_recall=True) or ""


def html2text_text(path: Path) -> str:
    import html2text

    return html2text.html2text(path.read_text(encoding="utf-8"))


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def pypdf_layout_text(path: Path) -> str:
    """pypdf's layout mode (pypdf >= 3.17): text placed by x like pdftotext -layout, with narrower gaps; two
    cells that sit close come out with no space between them."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text(extraction_mode="layout") for page in PdfReader(str(path)).pages)


def pypdfium2_text(path: Path) -> str:
    """Each page's text as pypdfium2 (PDFium's own text layer, the engine of Chrome's viewer) gives it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()


def python_docx_text(path: Path) -> str:
    """Paragraphs and tables in document order, a table row as its cells joined by tabs (``row.cells``
    repeats a merged cell once per grid column it spans, as everyone who writes this loop gets)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
    return "\n".join(lines) + "\n"


def markitdown_text(path: Path) -> str:
    """Microsoft's markitdown (markdown for LLM pipelines): HTML and DOCX tables as pipe tables, PDF text by
    pdfminer.six, its tables guessed from the words' positions."""
    from markitdown import MarkItDown

    return MarkItDown().convert(str(path)).text_content


def mammoth_markdown(path: Path) -> str:
    import mammoth

    with path.open("rb") as document:
        return mammoth.convert_to_markdown(document).value


def docx2txt_text(path: Path) -> str:
    import docx2txt

    return docx2txt.process(str(path))


def inscriptis_text(path: Path) -> str:
    from inscriptis import get_text

    return get_text(path.read_text(encoding="utf-8"))


def html_text_text(path: Path) -> str:
    import html_text

    return html_text.extract_text(path.read_text(encoding="utf-8"))


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pymupdf_text(path: Path) -> str:
    """PyMuPDF's page.get_text() (AGPL: a tool users run, never a dependency of govparse)."""
    import pymupdf

    with pymupdf.open(str(path)) as document:
        return "\n".join(page.get_text() for page in document)


def pymupdf4llm_text(path: Path) -> str:
    """pymupdf4llm's markdown (AGPL, as above): tables found by PyMuPDF's table finder, as pipe tables."""
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(path), show_progress=False)


def libreoffice_text(path: Path) -> str:
    """LibreOffice's own "Text (encoded)" export of a DOCX, as a batch conversion with soffice gives it."""
    with tempfile.TemporaryDirectory(prefix="govparse-lo-txt-") as scratch:
        soffice(Path(scratch) / "profile", ["--convert-to", "txt:Text (encoded):UTF8", "--outdir", scratch, str(path)])
        return (Path(scratch) / f"{path.stem}.txt").read_text(encoding="utf-8-sig")


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    source: str  # the document it reads: html, docx or pdf
    extract: Callable[[Path], str]
    version: Callable[[], str]


def _package(name: str) -> Callable[[], str]:
    return lambda: f"{name} {importlib.metadata.version(name)}"


def _command(args: list[str]) -> Callable[[], str]:
    return lambda: run(args).strip().splitlines()[0]


def _stderr_command(args: list[str]) -> Callable[[], str]:
    return lambda: subprocess.run(args, capture_output=True).stderr.decode().strip().splitlines()[0]


TOOLS: tuple[Tool, ...] = (
    Tool("beautifulsoup", "html", beautifulsoup, _package("beautifulsoup4")),
    Tool("lynx", "html", lambda p: run(["lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                                        "-display_charset=utf-8", str(p)]), _command(["lynx", "-version"])),
    Tool("w3m", "html", lambda p: run(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", str(p)]),
         _command(["w3m", "-version"])),
    Tool("trafilatura", "html", trafilatura_text, _package("trafilatura")),
    Tool("html2text", "html", html2text_text, _package("html2text")),
    Tool("pandoc-plain-html", "html", lambda p: run(["pandoc", "-f", "html", "-t", "plain", str(p)]),
         _command(["pandoc", "--version"])),
    Tool("pandoc-gfm-html", "html", lambda p: run(["pandoc", "-f", "html", "-t", "gfm", str(p)]),
         _command(["pandoc", "--version"])),
    Tool("pandoc-plain-docx", "docx", lambda p: run(["pandoc", "-f", "docx", "-t", "plain", str(p)]),
         _command(["pandoc", "--version"])),
    Tool("python-docx", "docx", python_docx_text, _package("python-docx")),
    Tool("pdftotext", "pdf", lambda p: run(["pdftotext", "-enc", "UTF-8", str(p), "-"]),
         _stderr_command(["pdftotext", "-v"])),
    Tool("pdftotext-layout", "pdf", lambda p: run(["pdftotext", "-layout", "-enc", "UTF-8", str(p), "-"]),
         _stderr_command(["pdftotext", "-v"])),
    Tool("pdfplumber", "pdf", pdfplumber_text, _package("pdfplumber")),
    Tool("pypdf", "pdf", pypdf_text, _package("pypdf")),
    # Converters of LLM and search pipelines, and other extractors (a session found wrong numbers on some)
    Tool("markitdown-html", "html", markitdown_text, _package("markitdown")),
    Tool("markitdown-docx", "docx", markitdown_text, _package("markitdown")),
    Tool("markitdown-pdf", "pdf", markitdown_text, _package("markitdown")),
    Tool("mammoth-markdown", "docx", mammoth_markdown, _package("mammoth")),
    Tool("docx2txt", "docx", docx2txt_text, _package("docx2txt")),
    Tool("libreoffice-txt", "docx", libreoffice_text, _command(["soffice", "--version"])),
    Tool("inscriptis", "html", inscriptis_text, _package("inscriptis")),
    Tool("html-text", "html", html_text_text, _package("html-text")),
    Tool("pdfminer", "pdf", pdfminer_text, _package("pdfminer.six")),
    Tool("pymupdf", "pdf", pymupdf_text, _package("pymupdf")),
    Tool("pymupdf4llm", "pdf", pymupdf4llm_text, _package("pymupdf4llm")),
    Tool("pdftohtml", "pdf", lambda p: run(["pdftohtml", "-i", "-stdout", "-noframes", "-enc", "UTF-8", str(p)]),
         _stderr_command(["pdftohtml", "-v"])),
    # The page content's own order: rows as the PDF drew them, a wrapped label's lines before its values
    Tool("pdftotext-raw", "pdf", lambda p: run(["pdftotext", "-raw", "-enc", "UTF-8", str(p), "-"]),
         _stderr_command(["pdftotext", "-v"])),
    Tool("pypdfium2", "pdf", pypdfium2_text, _package("pypdfium2")),
    Tool("pypdf-layout", "pdf", pypdf_layout_text, _package("pypdf")),
)

# Tools whose text keeps no column positions: a number wrapped inside its cell comes out as pieces on
# separate lines (pdftotext: 12423 12423 0 0 0 0 1 1; pdfplumber and pypdf: a line of heads, the row,
# a line of tails), and nothing in the text says which column a piece belongs to.
POSITIONLESS = {
    "pdftotext": "pdftotext (reading order) writes the pieces of a number wrapped in its cell as separate "
                 "lines, heads and tails apart; which pieces join, and in which column, is not in the text",
    "pdfplumber": "pdfplumber writes a number wrapped in its cell as a head on the line above the row and a tail "
                  "on the line below, without positions: which column they belong to is not in the text",
    "pypdf": "pypdf writes a number wrapped in its cell as pieces on two lines among the row's other values, "
             "without positions: which pieces join, and in which column, is not in the text",
    "pdfminer": "pdfminer.six writes a number wrapped in its cell as pieces in text boxes of their own, without "
                "positions: which pieces join, and in which column, is not in the text",
    "pymupdf": "PyMuPDF writes a number wrapped in its cell as pieces on lines of their own, without positions: "
               "which pieces join, and in which column, is not in the text",
    "pdftohtml": "pdftohtml writes a number wrapped in its cell as pieces on lines of their own, without "
                 "positions: which pieces join, and in which column, is not in the text",
    "html-text": "html-text joins a row's cells with single spaces and keeps no positions",
    "pdftotext-raw": "pdftotext -raw writes a number wrapped in its cell as pieces on lines of their own, without "
                     "positions: which pieces join, and in which column, is not in the text",
    "pypdfium2": "pypdfium2 writes a number wrapped in its cell as pieces on lines of their own, without "
                 "positions: which pieces join, and in which column, is not in the text",
}
_NUMBER = regex.compile(r"\d+(?:[,，]\d+)*(?:\.\d+)?")


def broken_numbers(expected: dict, text: str) -> dict[str, str]:
    """The cells whose number is not in ``text`` whole (found fewer times than the tables hold it): the tool
    broke it into pieces. Read from the tool's output, not assumed."""
    found = Counter(token.replace(",", "").replace("，", "") for token in _NUMBER.findall(text))
    cells: dict[str, list[str]] = {}
    for table in TABLES:
        for row, columns in (expected.get(table) or {}).items():
            for column, value in columns.items():
                if value is not None:
                    digits = _digits(abs(value))
                    cells.setdefault(digits, []).append(f"{table}.{row}.{column}")
    return {path: digits for digits, paths in cells.items() if found[digits] < len(paths) for path in paths}


def _digits(value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def traceless_blanks(expected: dict, text: str) -> dict[str, str]:
    """The cells of each row holding a blank whose other values follow the row's label in ``text`` one after
    the other, one space or one line break apart, and no number or null mark after them: the blank left no
    trace (no null mark, no wider gap, no no-break space), so no value of that row can be placed in its column.

    Read from the tool's output, not assumed. The run must start right after the row's own label (found by
    govparse's lexer, once in its table, or no claim): the same digits elsewhere may be other rows' values
    while this row's stand with a null mark (a run searched for anywhere claimed '0 / 15' of table 四 for a
    row of table 二 written '— 0 15'). A run of zeros or a single value proves nothing and is not counted."""
    label_ends = _label_ends(text)
    lost: dict[str, str] = {}
    for table in TABLES:
        for row, columns in (expected.get(table) or {}).items():
            values = list(columns.values())
            present = [_digits(v) for v in values if v is not None]
            if None not in values or len(present) < 2 or not any(v for v in values if v) \
                    or (table, row) not in label_ends:
                continue
            run = regex.compile(r"[ \u00a0\n]+?(?<![ \u00a0]{2})" + "[ \n]".join(map(regex.escape, present))
                                + r"(?![\d,.]|[ \u00a0]{2}|[ \u00a0]\u00a0)"
                                + r"(?=[ \u00a0\n]*+(?:$|(?![\d,.]+(?:\s|$)|[—/无+\-])))")
            found = run.match(text, label_ends[table, row])
            if found:
                shown = found.group().strip().replace("\n", " / ")
                for column in columns:
                    lost[f"{table}.{row}.{column}"] = f"the row's values come out as '{shown}': the blank leaves no trace"
    return lost


def _label_ends(text: str) -> dict[tuple[str, str], int]:
    """(table, row) -> the offset in ``text`` just after the row's label, for rows whose label the lexer found
    once in their table. The lexer's cells keep their line and column; their text is normalised one character
    for one (full-width to half-width), so its length is the source's."""
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    ends: dict[tuple[str, str], int] = {}
    seen: Counter = Counter()
    for table, trace in parse(text).traces.items():
        for token in trace.tokens:
            last = token.cells[-1]
            key = (table, token.type.lower())
            seen[key] += 1
            ends[key] = line_starts[last.line - 1] + last.column - 1 + len(last.text)
    return {key: end for key, end in ends.items() if seen[key] == 1}


def tool_losses(tool: Tool, expected: dict, text: str) -> dict[str, str]:
    if tool.name not in POSITIONLESS:
        return {}
    lost = {path: f"{POSITIONLESS[tool.name]} ({digits} is not in the output whole)"
            for path, digits in broken_numbers(expected, text).items()}
    for path, why in traceless_blanks(expected, text).items():
        lost.setdefault(path, f"{tool.name} writes nothing for an empty cell and keeps no positions: {why}")
    return lost


# Documents kept in corpus/documents/ for PDF and DOCX input (shape, source), if under DOCUMENT_LIMIT.
KEPT_DOCUMENTS = (("2021-wrapped-numbers", "pdf"), ("2019-null-marks-split-labels", "pdf"),
                  ("2021-clean", "docx"), ("2019-null-marks-split-labels", "docx"))


def expected_document(report: Report, shape: Shape, seed: str, tool: Tool | None) -> dict:
    expected = report.expected(PAGE)
    del expected["layout"]  # the tool's output decides the layout govparse sees
    expected["rendered"] = {"layout": PAGE.name, "perturbations": list(shape.perturbations), "seed": seed,
                            "document": tool.source if tool else None, "tool": tool.name if tool else None}
    return expected


def write_json(path: Path, document: dict) -> None:
    path.write_text(dumps(document, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where the fixtures go (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="also keep the HTML, DOCX and PDF documents here")
    parser.add_argument("--documents", action="store_true",
                        help="rewrite corpus/documents/ too (their bytes carry dates, so only on purpose)")
    parser.add_argument("--held-out", type=int, nargs=2, metavar=("FIRST", "COUNT"),
                        help="instead, reports FIRST .. FIRST+COUNT-1 of every shape (other seeds than the six) by "
                             "every tool into --out, as <tool>--<shape>-<number>.txt: a held-out set to score with "
                             "score.py DIR")
    parser.add_argument("--tools", nargs="+", metavar="TOOL", choices=[tool.name for tool in TOOLS],
                        help="only these tools (their fixtures rewritten, the others' kept)")
    args = parser.parse_args(argv)
    tools = tuple(tool for tool in TOOLS if args.tools is None or tool.name in args.tools)
    if args.held_out:
        if args.out == HERE:
            parser.error("--held-out writes a set of its own: give --out")
        held_out(args.out, *args.held_out, tools, keep=args.keep)
        return 0

    reports = {}
    pages = {}
    for number, shape in enumerate(SHAPES):
        report, seed = report_for(shape, number)
        reports[shape.name] = (report, seed)
        pages[shape.name] = render(report, PAGE, shape.perturbations, seed=number)
    shapes = {shape.name: shape for shape in SHAPES}
    extras = {}  # document name -> the shape, its report and seed
    for _, shape_name, number, _ in EXTRAS:
        report, seed, page = other_seed(shapes[shape_name], number)
        extras[f"{shape_name}-{number}"] = (shapes[shape_name], report, seed)
        pages[f"{shape_name}-{number}"] = page

    with tempfile.TemporaryDirectory(prefix="govparse-tools-") as scratch:
        work = Path(scratch)
        make_documents(pages, work)
        args.out.mkdir(parents=True, exist_ok=True)
        for old in args.out.glob("*--*.*"):
            if tool_name(old) in {tool.name for tool in tools}:
                old.unlink()
        for shape in SHAPES:
            report, seed = reports[shape.name]
            for tool in tools:
                write_fixture(args.out / f"{tool.name}--{shape.name}", tool, work / f"{shape.name}.{tool.source}",
                              report, shape, seed)
        by_name = {tool.name: tool for tool in tools}
        for name, shape_name, number, variant in EXTRAS:
            if name not in by_name:
                continue
            shape, report, seed = extras[f"{shape_name}-{number}"]
            write_fixture(args.out / f"{name}--{shape_name}-{variant}", by_name[name],
                          work / f"{shape_name}-{number}.{by_name[name].source}", report, shape, seed)
        write_versions(args.out / "VERSIONS.txt", tools)
        if args.documents:
            keep_documents(work, reports)
        if args.keep:
            keep_work(work, args.keep)
    return 0


def keep_work(work: Path, keep: Path) -> None:
    """The HTML, DOCX and PDF documents made in ``work``, copied into ``keep``."""
    keep.mkdir(parents=True, exist_ok=True)
    for path in work.iterdir():
        if path.is_file():
            shutil.copy(path, keep / path.name)


def tool_name(fixture: Path) -> str:
    return fixture.name.split("--", 1)[0]


def write_versions(path: Path, tools: tuple[Tool, ...]) -> None:
    """The versions of ``tools`` and LibreOffice, kept beside those of tools not run this time."""
    kept = set(path.read_text(encoding="utf-8").split("\n")) if path.is_file() and tools != TOOLS else set()
    versions = {tool.version() for tool in tools} | {_command(["soffice", "--version"])()}
    path.write_text("\n".join(sorted((kept | versions) - {""})) + "\n", encoding="utf-8")


def held_out(out: Path, first: int, count: int, tools: tuple[Tool, ...] = TOOLS, keep: Path | None = None) -> None:
    """Reports ``first`` .. ``first + count - 1`` of every shape, each by every tool, into ``out`` (the documents
    into ``keep`` if given, to look at what a tool read)."""
    reports, pages = {}, {}
    for number in range(first, first + count):
        for shape in SHAPES:
            report, seed, page = other_seed(shape, number)
            reports[f"{shape.name}-{number}"] = (shape, report, seed)
            pages[f"{shape.name}-{number}"] = page
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="govparse-held-out-") as scratch:
        work = Path(scratch)
        make_documents(pages, work)
        for name, (shape, report, seed) in reports.items():
            for tool in tools:
                write_fixture(out / f"{tool.name}--{name}", tool, work / f"{name}.{tool.source}", report, shape, seed)
        if keep:
            keep_work(work, keep)


def write_fixture(stem: Path, tool: Tool, document: Path, report: Report, shape: Shape, seed: str) -> None:
    """``stem``.txt, the tool's text of ``document``, and ``stem``.expected.json beside it."""
    text = tool.extract(document)
    stem.with_name(stem.name + ".txt").write_text(text, encoding="utf-8")
    expected = expected_document(report, shape, seed, tool)
    lost = tool_losses(tool, expected, text)
    if lost:
        expected["_tool_loses"] = lost
    write_json(stem.with_name(stem.name + ".expected.json"), expected)
    print(stem.with_name(stem.name + ".txt"))


def keep_documents(work: Path, reports: dict) -> None:
    DOCUMENTS.mkdir(exist_ok=True)
    shapes = {shape.name: shape for shape in SHAPES}
    for shape_name, source in KEPT_DOCUMENTS:
        document = work / f"{shape_name}.{source}"
        if document.stat().st_size > DOCUMENT_LIMIT:
            print(f"{document.name}: {document.stat().st_size} bytes, not kept", file=sys.stderr)
            continue
        target = DOCUMENTS / f"libreoffice-{source}--{shape_name}.{source}"
        shutil.copy(document, target)
        report, seed = reports[shape_name]
        expected = expected_document(report, shapes[shape_name], seed, None)
        expected["rendered"]["document"] = source
        write_json(target.with_name(target.name[: -len(source) - 1] + ".expected.json"), expected)
        print(target)


if __name__ == "__main__":
    raise SystemExit(main())
