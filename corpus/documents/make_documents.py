"""PDF and DOCX reports for govparse's document input (tests/test_documents.py), made from rendered reports.

Why: users download the annual report as a PDF or a Word file. These are made the way an
office makes them: the report rendered as a page (govparse/render.py), its table 三 laid out
as the statutory form prints it (the header over three rows, 三、本年度办理结果 and each
group label merged down the rows it heads, the short labels merged across two columns),
opened in LibreOffice Writer with one CJK font and ruled tables, saved as DOCX (the merged
cells become w:vMerge and w:gridSpan), given A4 pages with a 第 N 页 共 M 页 footer, and
printed to PDF (the tables cross page breaks, long labels wrap inside their cells, the
merged labels span rows). Expected values come from the model the report was rendered
from, never from the parser.

The shapes and seeds are those of corpus/tools/make_fixtures.py (whose documents, made
without the form's merged cells, are kept here too as ``libreoffice-*``); this script adds
the ``form-*`` documents. A document already here is not made again unless --force is
given (their bytes carry dates, and the repository keeps each version).

Needs (Debian 12)::

    apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-wqy-microhei fonts-noto-cjk

and chromium for the browser-printed one (``apt-get install chromium``), and python-docx in the venv
that runs it (``make tool-corpus`` makes .venv-tools with it)::

    .venv-tools/bin/python corpus/documents/make_documents.py            # the missing ones
    .venv-tools/bin/python corpus/documents/make_documents.py --force    # all of them again
"""

from __future__ import annotations

import argparse
import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))

from make_fixtures import (DOCUMENT_LIMIT, PAGE, PRINT_STYLE, SHAPES, expected_document,  # noqa: E402
                           make_documents, print_setup, report_for, soffice, write_json)

from govparse.render import Report, render  # noqa: E402

# (shape of make_fixtures.SHAPES, document kinds made of it)
FORM_DOCUMENTS = (("2021-clean", ("pdf", "docx")), ("2019-clean", ("pdf",)),
                  ("2021-blank-cells", ("docx",)))

# PDFs whose tables are drawn as many offices draw them (shape, how): made from the form documents'
# DOCX with their cell borders changed, or from the printed PDF with its pages turned.
#   borderless: no rule at all; frame: an outer box and the header ruled off, nothing between the
#   columns; mixed: table 三 ruled, the others borderless; split: table 三's header rows repeated
#   on each page (w:tblHeader) and the page so long that the break cuts a row's wrapped label;
#   rotated: each page drawn sideways and shown upright by /Rotate (90 on page 1, 270 on page 2).
VARIANTS = (("borderless", "2021-blank-cells"), ("frame", "2021-wrapped-numbers"),
            ("mixed", "2019-clean"), ("split", "2021-clean"), ("rotated", "2021-clean"))
SPLIT_PAGE_CM = 37.8  # page height at which 2021-clean's break cuts the row 5．要求行政机关确认或重新出具已获取信息

# PDFs a browser prints from the report's web page, as a user saves a page as PDF: the form page as
# published (``<table border="1">``, so each cell is drawn as its own box, the cell spacing between
# boxes, and rows of fewer cells leave the table's frame room beside them), printed by Chromium
# (Debian's chromium). Tagging is off only to keep the file small (the tags are not read).
BROWSER_DOCUMENTS = ("2019-null-marks-split-labels",)
BROWSER_STYLE = ('<meta charset="utf-8"><style>body { font-family: "WenQuanYi Micro Hei"; font-size: 10.5pt } '
                 "h1 { font-size: 16pt; font-weight: normal; text-align: center } td { font-size: 9pt }</style>")
CHROMIUM = ("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-pdf-tagging")

CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
# The outcome rows under 三、本年度办理结果: (group label or None, [(row key, label)])
OUTCOMES_2021 = (
    (None, [("granted", "（一）予以公开")]),
    (None, [("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
    ("（三）不予公开", [("denied_state_secret", "1．属于国家秘密"), ("denied_prohibited_by_law", "2．其他法律行政法规禁止公开"),
                  ("denied_security_stability", "3．危及“三安全一稳定”"), ("denied_third_party", "4．保护第三方合法权益"),
                  ("denied_internal_affairs", "5．属于三类内部事务信息"), ("denied_process_info", "6．属于四类过程性信息"),
                  ("denied_enforcement_file", "7．属于行政执法案卷"), ("denied_admin_query", "8．属于行政查询事项")]),
    ("（四）无法提供", [("unable_not_held", "1．本机关不掌握相关政府信息"), ("unable_needs_creation", "2．没有现成信息需要另行制作"),
                  ("unable_unclear", "3．补正后申请内容仍不明确")]),
    ("（五）不予处理", [("rejected_petition", "1．信访举报投诉类申请"), ("rejected_duplicate", "2．重复申请"),
                  ("rejected_publication", "3．要求提供公开出版物"), ("rejected_excessive", "4．无正当理由大量反复申请"),
                  ("rejected_confirmation", "5．要求行政机关确认或重新出具已获取信息")]),
    ("（六）其他处理", [("other_no_correction", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                  ("other_fee_unpaid", "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                  ("other_misc", "3．其他")]),
    (None, [("total_processed", "（七）总计")]),
)
OUTCOMES_2019 = OUTCOMES_2021[:5] + ((None, [("other", "（六）其他处理")]),) + OUTCOMES_2021[6:]


def _td(text: str, rows: int = 1, columns: int = 1) -> str:
    spans = (f' rowspan="{rows}"' if rows > 1 else "") + (f' colspan="{columns}"' if columns > 1 else "")
    return f"<td{spans}>{html.escape(text) if text else '&nbsp;'}</td>"


def _values(report: Report, key: str) -> str:
    row = getattr(report.applications, key)
    return "".join(_td("" if getattr(row, column) is None else str(getattr(row, column))) for column in COLUMNS)


def form_table(report: Report) -> str:
    """Table 三 as the statutory form prints it, merged cells and all."""
    outcomes = OUTCOMES_2021 if report.edition == "2021" else OUTCOMES_2019
    rows = [_td(CHECK_NOTE, 3, 3) + _td("申请人情况", 1, 7),
            _td("自然人", 2) + _td("法人或其他组织", 1, 5) + _td("总计", 2),
            "".join(_td(label) for label in APPLICANTS),
            _td("一、本年新收政府信息公开申请数量", 1, 3) + _values(report, "new_received"),
            _td("二、上年结转政府信息公开申请数量", 1, 3) + _values(report, "carried_over")]
    first = True
    outcome_rows = sum(len(items) for _, items in outcomes)
    for group, items in outcomes:
        for position, (key, label) in enumerate(items):
            cells = _td("三、本年度办理结果", outcome_rows) if first else ""
            first = False
            if group is None:
                cells += _td(label, 1, 2)
            else:
                cells += (_td(group, len(items)) if position == 0 else "") + _td(label)
            rows.append(cells + _values(report, key))
    rows.append(_td("四、结转下年度继续办理", 1, 3) + _values(report, "carried_forward"))
    return '<table border="1">\n' + "\n".join(f"<tr>{row}</tr>" for row in rows) + "\n</table>"


def form_page(report: Report, page: str) -> str:
    """The rendered page with its table 三 (the second table) laid out as the form."""
    start = page.index("<table", page.index("<table") + 1)
    stop = page.index("</table>", start) + len("</table>")
    return page[:start] + form_table(report) + page[stop:]


def _borders(docx_path: Path, how: str) -> None:
    """The cell borders of the DOCX's tables as ``how`` (a VARIANTS name) draws them."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document(str(docx_path))
    for number, table in enumerate(document.tables):
        rows = table._tbl.findall(qn("w:tr"))
        if how == "split" and number == 1:
            for row in rows[:3]:
                properties = row.find(qn("w:trPr"))
                if properties is None:
                    properties = OxmlElement("w:trPr")
                    row.insert(0, properties)
                properties.append(OxmlElement("w:tblHeader"))
        if how == "split" or (how == "mixed" and number == 1):
            continue
        for r, row in enumerate(rows):
            cells = row.findall(qn("w:tc"))
            for c, cell in enumerate(cells):
                borders = cell.find(qn("w:tcPr") + "/" + qn("w:tcBorders"))
                for side in [] if borders is None else list(borders):
                    kept = how == "frame" and (side.tag == qn("w:top") and r == 0 or side.tag == qn("w:bottom") and
                                               r in (0, len(rows) - 1) or side.tag == qn("w:left") and c == 0 or
                                               side.tag == qn("w:right") and c == len(cells) - 1)
                    side.set(qn("w:val"), "single" if kept else "nil")
    if how == "split":
        for section in document.sections:
            section.page_height = Cm(SPLIT_PAGE_CM)
    document.save(str(docx_path))


def _turned(pdf_path: Path) -> None:
    """Each page drawn sideways in its own space and shown upright by /Rotate."""
    from pypdf import PdfWriter, Transformation

    writer = PdfWriter(clone_from=str(pdf_path))
    for number, page in enumerate(writer.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        rotate = 90 if number % 2 == 0 else 270
        page.add_transformation(Transformation().rotate(90).translate(height, 0) if rotate == 90 else
                                Transformation().rotate(-90).translate(0, width))
        for box in (page.mediabox, page.cropbox):
            box.lower_left, box.upper_right = (0, 0), (height, width)
        page.rotation = rotate
        page.compress_content_streams()
    writer.write(str(pdf_path))


def make_variants(pages: dict[str, str], work: Path) -> None:
    """``<how>--<shape>.pdf`` for each (how, shape) of VARIANTS, ``pages`` by shape."""
    printable = work / "printable"
    printable.mkdir()
    sources = []
    for how, name in VARIANTS:
        source = printable / f"{how}--{name}.html"
        source.write_text(pages[name].replace("<head></head>", f"<head>{PRINT_STYLE}</head>"), encoding="utf-8")
        sources.append(str(source))
    profile = work / "lo-profile"
    soffice(profile, ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work),
                      *sources])
    for how, name in VARIANTS:
        print_setup(work / f"{how}--{name}.docx")
        if how != "rotated":
            _borders(work / f"{how}--{name}.docx", how)
    soffice(profile, ["--convert-to", "pdf", "--outdir", str(work),
                      *(str(work / f"{how}--{name}.docx") for how, name in VARIANTS)])
    _turned(work / "rotated--2021-clean.pdf")


def print_pages(pages: dict[str, str], work: Path) -> None:
    """``<name>.pdf`` for each page, printed by Chromium (see BROWSER_DOCUMENTS)."""
    for name, page in pages.items():
        source = work / f"{name}.html"
        source.write_text(page.replace("<head></head>", f"<head>{BROWSER_STYLE}</head>"), encoding="utf-8")
        subprocess.run([*CHROMIUM, f"--print-to-pdf={work / (name + '.pdf')}", str(source)], check=True,
                       capture_output=True, timeout=300)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="make every document again")
    args = parser.parse_args(argv)
    wanted = {f"form-{kind}--{name}": (name, kind) for name, kinds in FORM_DOCUMENTS for kind in kinds}
    missing = sorted(target for target, (name, kind) in wanted.items()
                     if args.force or not (HERE / f"{target}.{kind}").exists())
    variants = [(how, name) for how, name in VARIANTS if args.force or not (HERE / f"{how}-pdf--{name}.pdf").exists()]
    printed = [name for name in BROWSER_DOCUMENTS if args.force or not (HERE / f"chromium-pdf--{name}.pdf").exists()]
    if not missing and not variants and not printed:
        print("every document is here (--force makes them again)")
        return 0
    reports = _reports({wanted[target][0] for target in missing} | {name for _, name in VARIANTS} | set(printed))
    pages = {name: page for name, (_, _, _, page) in reports.items()}
    with tempfile.TemporaryDirectory(prefix="govparse-documents-") as scratch:
        work = Path(scratch)
        if missing:
            (work / "form").mkdir()
            make_documents({wanted[target][0]: pages[wanted[target][0]] for target in missing}, work / "form")
        for target in missing:
            name, kind = wanted[target]
            _keep(work / "form" / f"{name}.{kind}", HERE / f"{target}.{kind}", reports[name], {"document": kind})
        if variants:
            (work / "variants").mkdir()
            make_variants(pages, work / "variants")
        for how, name in variants:
            _keep(work / "variants" / f"{how}--{name}.pdf", HERE / f"{how}-pdf--{name}.pdf", reports[name],
                  {"document": "pdf", "ruling": "ruled" if how in ("split", "rotated") else how})
        if printed:
            (work / "printed").mkdir()
            print_pages({name: reports[name][3] for name in printed}, work / "printed")
        for name in printed:
            _keep(work / "printed" / f"{name}.pdf", HERE / f"chromium-pdf--{name}.pdf", reports[name],
                  {"document": "pdf", "ruling": "ruled", "printed": "chromium, each cell its own box"})
    return 0


def _reports(names: set[str]) -> dict[str, tuple]:
    """name -> (report, seed, shape, page) for each shape named."""
    shapes = {shape.name: (number, shape) for number, shape in enumerate(SHAPES)}
    made = {}
    for name in names:
        number, shape = shapes[name]
        report, seed = report_for(shape, number)
        made[name] = (report, seed, shape, form_page(report, render(report, PAGE, shape.perturbations, seed=number)))
    return made


def _keep(made: Path, target: Path, made_from: tuple, rendered: dict[str, str]) -> None:
    """The document made, kept at ``target`` with its expected values, if it is small enough."""
    if made.stat().st_size > DOCUMENT_LIMIT:
        print(f"{target.name}: {made.stat().st_size} bytes, over {DOCUMENT_LIMIT}: not kept", file=sys.stderr)
        return
    target.write_bytes(made.read_bytes())
    report, seed, shape, _ = made_from
    expected = expected_document(report, shape, seed, None)
    expected["rendered"].update(rendered, table_three="statutory form: merged header, group labels merged down")
    write_json(target.with_name(target.stem + ".expected.json"), expected)
    print(target)


if __name__ == "__main__":
    raise SystemExit(main())
