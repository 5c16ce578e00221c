"""Render a model as full report text, in every layout the parser reads, with perturbations.

Why this exists: the seeds are five reports, real corpora hold hundreds of
thousands. Text has many forms, the model has one, so the parser is tested by
generating the model first, writing it out the way scrapers deliver reports,
and parsing it back: ``parse(render(report, layout, perturbations)) == report``
(tests/test_roundtrip.py drives this with hypothesis). The benchmarks reuse it
to make large synthetic corpora, so it is deterministic: the same report,
layout, perturbations and ``seed`` always give the same text.

A rendered report has the frame of a real one: a title line, a preamble with
the publication date, the six section headings, narrative paragraphs with
numbers and phrases such as （一）主动公开, the three statutory tables (2021
edition) and a closing signature.

Layouts (``LAYOUTS``): linear-cell with one blank line between cells
(blank-separated) or one cell per line (line-per-cell); pipe-delimited with one
cell per line (cell-per-line), one table row per line (row-per-line), or
markdown rows ``| a | b |`` with or without a ``|---|`` rule line; tab-delimited
and space-delimited rows (a blank value is written as the null mark — there);
an HTML page (``<p>`` paragraphs, ``<table>`` rows, ``&nbsp;`` for blank cells,
``<br>`` in wrapped labels). The split-header variants are the ``split-header``
perturbation on any of them.

Tool shapes (``TOOL_LAYOUTS``, kept apart from LAYOUTS): what extraction tools make
of a table: pandoc's ``+---+`` grid, w3m's box-drawn table, a PDF's text in reading
order (pypdf, pdfplumber) and in physical layout (pdftotext -layout), crawler text
with every cell glued to the next. ``render_shape`` gives the text and the cells the
shape destroyed (``Rendered.lossy``); ``render`` gives the text alone.

Editions: a Report carries the 2021 tables or the 2019 trial edition's tables 二
and 三 (``random_report(rng, edition="2019")``); table 四 is the same in both.

Perturbations (``PERTURBATIONS``, combinable, applied in list order) change the
form, never the information: every value stays recoverable, and where a change
would destroy it (a stray empty cell beside a blank value, a label broken inside
its enumerator) the perturbation leaves that place alone and says why. They act
on the table grid (cells), on the finished text, or both.

Usage::

    >>> from govparse.render import LAYOUTS, random_report, render
    >>> import random
    >>> report = random_report(random.Random(1))
    >>> text = render(report, LAYOUTS[3], ("traditional", "pinyin"), seed=7)

Regenerate the committed sample corpus (corpus/*.txt with *.expected.json,
written from the model, never from the parser)::

    python -m govparse.render corpus [FOLDER]
"""

from __future__ import annotations

import dataclasses
import html
import random
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

import regex

from .layout import (
    BLANK_SEPARATED,
    CELL_PER_LINE,
    HTML,
    LINE_PER_CELL,
    LINEAR_CELL,
    MARKDOWN,
    PIPE_DELIMITED,
    ROW_PER_LINE,
    SPACE_DELIMITED,
    TAB_DELIMITED,
)
from .model import (
    DELTA,
    MONEY,
    ActiveDisclosure,
    ActiveDisclosure2019,
    ApplicantCounts,
    Applications,
    Applications2019,
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    OutcomeCounts,
    ReviewLitigation,
    columns_of,
    outcome_rows,
    rows_of,
    to_plain,
)
from .result import dumps

# --- the report --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    """What a report says that the parser must give back: the three tables and the meta fields.

    The tables are the 2021 edition's or, for a trial-edition report, the 2019
    edition's (ActiveDisclosure2019 and Applications2019); table 四 is the same in both.
    """

    active_disclosure: ActiveDisclosure | ActiveDisclosure2019
    applications: Applications | Applications2019
    review_litigation: ReviewLitigation
    agency: str = "青山县人民政府"
    year: int = 2023
    published: str = "2024-01-31"  # ISO date
    year_first_title: bool = False  # 2023年度青山县人民政府政府信息公开… instead of 青山县人民政府2023年…

    @property
    def title(self) -> str:
        if self.year_first_title:
            return f"{self.year}年度{self.agency}政府信息公开工作年度报告"
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    @property
    def edition(self) -> str:
        return "2019" if isinstance(self.active_disclosure, ActiveDisclosure2019) else "2021"

    def meta(self) -> dict:
        return {"title": self.title, "agency": self.agency, "year": self.year, "published": self.published}

    def expected(self, layout: "Layout") -> dict:
        """The parse a careful reader expects, in the JSON shape of SPEC §7 (tables, meta, edition, layout)."""
        return {
            "edition": self.edition,
            "layout": layout.format,
            "meta": self.meta(),
            "active_disclosure": to_plain(self.active_disclosure),
            "applications": to_plain(self.applications),
            "review_litigation": to_plain(self.review_litigation),
        }


def complete_applications(parts: dict[str, Sequence[int | None]], carried_over: Sequence[int],
                          carried_forward: Sequence[int], table: type = Applications) -> Applications:
    """Table 三 that keeps every identity (S1, I1, I2), from the six applicant values of each outcome row.

    ``parts`` maps each outcome row of ``table`` (OUTCOME_ROWS for Applications,
    ``outcome_rows(Applications2019)`` for the trial edition) to its six
    applicant values; the total column, total_processed and new_received are
    computed, and carried_over is lowered where new_received would be negative.
    """
    rows: dict[str, ApplicantCounts] = {}
    outcomes = outcome_rows(table)

    def counts(values: Sequence[int]) -> ApplicantCounts:
        return ApplicantCounts(*values, sum(values))

    for key in outcomes:
        rows[key] = counts(parts[key])
    processed = [sum(parts[key][i] for key in outcomes) for i in range(6)]
    over = [min(c, p + f) for c, p, f in zip(carried_over, processed, carried_forward)]
    new = [p + f - c for c, p, f in zip(over, processed, carried_forward)]
    rows["new_received"] = counts(new)
    rows["carried_over"] = counts(over)
    rows["total_processed"] = counts(processed)
    rows["carried_forward"] = counts(carried_forward)
    return table(**{key: rows[key] for key, _ in rows_of(table)})


def complete_outcomes(upheld: int, corrected: int, other: int, pending: int) -> OutcomeCounts:
    """One group of table 四 whose total keeps I3."""
    return OutcomeCounts(upheld, corrected, other, pending, upheld + corrected + other + pending)


AGENCY_PLACES = ("青山", "东湖", "河西", "石门", "永宁", "清溪", "南山", "白沙", "桃源", "长乐", "泰和", "新安")
AGENCY_LEVELS = ("县", "市", "区")
AGENCY_NAMES = ("人民政府", "人民政府办公室", "自然资源局", "教育局", "交通运输局", "财政局",
                "市场监督管理局", "发展和改革委员会", "住房和城乡建设局")
TOWN_NAMES = ("{place}镇人民政府", "{place}乡人民政府", "{place}街道办事处")


def random_count(rng: random.Random) -> int:
    """Mostly 0 and small counts, now and then a large one (行政许可 50997)."""
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.9:
        return rng.randint(1, 30)
    if roll < 0.98:
        return rng.randint(31, 999)
    return rng.randint(1000, 200_000)


def random_fee(rng: random.Random) -> Decimal:
    if rng.random() < 0.5:
        return Decimal(0)
    places = rng.randint(0, 5)
    return Decimal(rng.randint(0, 10**(4 + places))).scaleb(-places)


def random_agency(rng: random.Random) -> str:
    place = rng.choice(AGENCY_PLACES)
    if rng.random() < 0.3:
        return rng.choice(TOWN_NAMES).format(place=place)
    return f"{place}{rng.choice(AGENCY_LEVELS)}{rng.choice(AGENCY_NAMES)}"


def random_delta(rng: random.Random) -> int:
    """A signed 本年增/减 of the trial edition: mostly 0, else a small change either way."""
    return 0 if rng.random() < 0.5 else rng.choice((-1, 1)) * rng.randint(1, 40)


def random_report(rng: random.Random, consistent: bool = True, blanks: float = 0.0,
                  edition: str = "2021") -> Report:
    """A realistic report without hypothesis (for benchmarks and the corpus).

    ``consistent``: every identity holds; ``blanks``: share of cells left blank
    (a blank cell breaks the identities it is part of, so use it with care);
    ``edition``: "2021", or "2019" for the trial edition's tables 二 and 三.
    """
    if edition not in ("2019", "2021"):
        raise ValueError(f"unknown edition {edition!r}")

    def cell(value):
        return None if blanks and rng.random() < blanks else value

    def row(cls, make=lambda: random_count(rng)):
        return cls(*(cell(make()) for _ in columns_of(cls)))

    makers = {DELTA: random_delta, MONEY: random_fee}

    def typed_row(cls):
        return cls(*(cell(makers.get(kind, random_count)(rng)) for _, kind in columns_of(cls)))

    if edition == "2019":
        table = Applications2019
        active = ActiveDisclosure2019(*(typed_row(cls) for _, cls in rows_of(ActiveDisclosure2019)))
    else:
        table = Applications
        active = ActiveDisclosure(
            row(DocumentCounts), row(DocumentCounts), row(DecisionCount), row(DecisionCount),
            row(DecisionCount), FeeAmount(cell(random_fee(rng))),
        )
    if consistent:
        parts = {key: [random_count(rng) if rng.random() < 0.3 else 0 for _ in range(6)]
                 for key in outcome_rows(table)}
        applications = complete_applications(parts, [random_count(rng) for _ in range(6)],
                                              [random_count(rng) for _ in range(6)], table)
        review = ReviewLitigation(*(complete_outcomes(*(random_count(rng) for _ in range(4))) for _ in range(3)))
    else:
        applications = table(**{key: row(ApplicantCounts) for key, _ in rows_of(table)})
        review = ReviewLitigation(*(row(OutcomeCounts) for _ in range(3)))
    if consistent and blanks:
        applications = table(**{
            key: ApplicantCounts(*(cell(v) for v in dataclasses.astuple(getattr(applications, key))))
            for key, _ in rows_of(table)})
    year = rng.randint(2019, 2022) if edition == "2019" else rng.randint(2021, 2025)
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    return Report(active, applications, review, random_agency(rng), year, published, rng.random() < 0.2)


# --- the table grid ------------------------------------------------------------------

HEADER = "header"  # a column or block label
LABEL = "label"  # a row label
VALUE = "value"
STRAY = "stray"  # an empty cell that is no column


@dataclass(slots=True)
class GridCell:
    text: str
    role: str
    value: int | Decimal | None = None
    signed: bool = False  # a trial-edition 本年增/减: written +3, -8 (or 增3, 减8)
    path: str = ""  # a value's table.row.column, where a tool shape needs it (render_shape)


@dataclass(slots=True)
class GridRow:
    cells: list[GridCell]
    pad: int = 0  # empty cells a scraper writes after the row for spanned columns (pipe layouts)


@dataclass(slots=True)
class Grid:
    """One statutory table as the rows of its HTML form, before it is written in a layout."""

    numeral: str
    rows: list[GridRow]


def _value_text(value, signed: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return format(value, "+d") if signed and value else str(value)


def _values(row) -> list[GridCell]:
    kinds = [kind for _, kind in columns_of(type(row))]
    return [GridCell(_value_text(v, kind == DELTA), VALUE, v, kind == DELTA)
            for v, kind in zip(dataclasses.astuple(row), kinds)]


def _row(width: int, *cells: GridCell | list[GridCell]) -> GridRow:
    flat: list[GridCell] = []
    for cell in cells:
        flat.extend(cell if isinstance(cell, list) else [cell])
    return GridRow(flat, max(0, width - len(flat)))


def _h(text: str) -> GridCell:
    return GridCell(text, HEADER)


def _l(text: str) -> GridCell:
    return GridCell(text, LABEL)


def active_disclosure_grid(table: ActiveDisclosure) -> Grid:
    """Table 二, 2021 edition: four blocks of 第二十条, four columns wide."""
    width = 4
    blocks = (
        ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
         (("规章", table.regulations), ("行政规范性文件", table.normative_documents))),
        ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", table.licensing),)),
        ("第二十条第（六）项", ("本年处理决定数量",), (("行政处罚", table.punishment), ("行政强制", table.coercion))),
        ("第二十条第（八）项", ("本年收费金额（单位：万元）",), (("行政事业性收费", table.fees),)),
    )
    return _blocks_grid(width, blocks)


def _blocks_grid(width: int, blocks) -> Grid:
    """Table 二 from its 第二十条 blocks: (item heading, column labels, ((row label, row), …))."""
    rows: list[GridRow] = []
    for item, columns, body in blocks:
        rows.append(_row(width, _h(item)))
        rows.append(_row(width, _h("信息内容"), [_h(c) for c in columns]))
        for label, row in body:
            rows.append(_row(width, _l(label), _values(row)))
    return Grid("二", rows)


def active_disclosure_2019_grid(table: ActiveDisclosure2019) -> Grid:
    """Table 二, 2019 trial edition: five blocks of 第二十条 (（九）项 is 政府集中采购), four columns wide."""
    width = 4
    items = ("上一年项目数量", "本年增/减", "处理决定数量")
    blocks = (
        ("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
         (("规章", table.regulations), ("规范性文件", table.normative_documents))),
        ("第二十条第（五）项", items, (("行政许可", table.licensing), ("其他对外管理服务事项", table.other_services))),
        ("第二十条第（六）项", items, (("行政处罚", table.punishment), ("行政强制", table.coercion))),
        ("第二十条第（八）项", items[:2], (("行政事业性收费", table.fees),)),
        ("第二十条第（九）项", ("采购项目数量", "采购总金额"), (("政府集中采购", table.procurement),)),
    )
    return _blocks_grid(width, blocks)


APPLICATION_LABELS: dict[str, tuple[str, ...]] = {
    # row key -> its label cells (a group label first where the row opens a group)
    "new_received": ("一、本年新收政府信息公开申请数量",),
    "carried_over": ("二、上年结转政府信息公开申请数量",),
    "granted": ("三、本年度办理结果", "（一）予以公开"),
    "partially_granted": ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",),
    "denied_state_secret": ("（三）不予公开", "1．属于国家秘密"),
    "denied_prohibited_by_law": ("2．其他法律行政法规禁止公开",),
    "denied_security_stability": ("3．危及“三安全一稳定”",),
    "denied_third_party": ("4．保护第三方合法权益",),
    "denied_internal_affairs": ("5．属于三类内部事务信息",),
    "denied_process_info": ("6．属于四类过程性信息",),
    "denied_enforcement_file": ("7．属于行政执法案卷",),
    "denied_admin_query": ("8．属于行政查询事项",),
    "unable_not_held": ("（四）无法提供", "1．本机关不掌握相关政府信息"),
    "unable_needs_creation": ("2．没有现成信息需要另行制作",),
    "unable_unclear": ("3．补正后申请内容仍不明确",),
    "rejected_petition": ("（五）不予处理", "1．信访举报投诉类申请"),
    "rejected_duplicate": ("2．重复申请",),
    "rejected_publication": ("3．要求提供公开出版物",),
    "rejected_excessive": ("4．无正当理由大量反复申请",),
    "rejected_confirmation": ("5．要求行政机关确认或重新出具已获取信息",),
    "other_no_correction": ("（六）其他处理", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    "other_fee_unpaid": ("2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",),
    "other_misc": ("3．其他",),
    "total_processed": ("（七）总计",),
    "carried_forward": ("四、结转下年度继续办理",),
    "other": ("（六）其他处理",),  # the trial edition's single row for 其他处理
}
S1_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def applications_grid(table: Applications) -> Grid:
    """Table 三 (either edition): three header rows, then one row per key; ten columns (three for labels,
    seven values)."""
    width = 10
    rows = [
        _row(width, _h(S1_NOTE), _h("申请人情况")),
        _row(width, _h("自然人"), _h("法人或其他组织"), _h("总计")),
        _row(width, [_h(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")]),
    ]
    for key, _ in rows_of(type(table)):
        rows.append(_row(width, [_l(t) for t in APPLICATION_LABELS[key]], _values(getattr(table, key))))
    return Grid("三", rows)


OUTCOME_HEADERS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def review_litigation_grid(table: ReviewLitigation) -> Grid:
    """Table 四: a two-level header over fifteen numbers in one row."""
    width = 15
    rows = [
        _row(width, _h("行政复议"), _h("行政诉讼")),
        _row(width, [_h(t) for t in OUTCOME_HEADERS], _h("未经复议直接起诉"), _h("复议后起诉")),
        _row(width, [_h(t) for t in OUTCOME_HEADERS * 2]),
        _row(width, [c for group in dataclasses.astuple(table, tuple_factory=list) for c in
                     (GridCell(_value_text(v), VALUE, v) for v in group)]),
    ]
    return Grid("四", rows)


def grids(report: Report) -> list[Grid]:
    active = report.active_disclosure
    first = (active_disclosure_2019_grid if isinstance(active, ActiveDisclosure2019) else active_disclosure_grid)
    return [first(active), applications_grid(report.applications),
            review_litigation_grid(report.review_litigation)]


# --- layouts: a grid to lines ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    format: str  # govparse.layout.LINEAR_CELL, PIPE_DELIMITED, TAB_DELIMITED, SPACE_DELIMITED or HTML
    style: str  # BLANK_SEPARATED / LINE_PER_CELL, CELL_PER_LINE / ROW_PER_LINE / MARKDOWN, ROW_PER_LINE
    rule: bool = False  # markdown: a |---|---| line under each table's first row

    @property
    def name(self) -> str:
        return f"{self.format}/{self.style}" + ("-rule" if self.rule else "")

    @property
    def frame_separator(self) -> str:
        """Between frame lines: blank-separated scrapes put a blank line after every line."""
        return "\n\n" if self.style == BLANK_SEPARATED else "\n"

    def __str__(self) -> str:
        return self.name


LAYOUTS: tuple[Layout, ...] = (
    Layout(LINEAR_CELL, BLANK_SEPARATED),
    Layout(LINEAR_CELL, LINE_PER_CELL),
    Layout(PIPE_DELIMITED, CELL_PER_LINE),
    Layout(PIPE_DELIMITED, ROW_PER_LINE),
    Layout(PIPE_DELIMITED, MARKDOWN),
    Layout(PIPE_DELIMITED, MARKDOWN, rule=True),
    Layout(TAB_DELIMITED, ROW_PER_LINE),
    Layout(SPACE_DELIMITED, ROW_PER_LINE),
    Layout(HTML, ROW_PER_LINE),
)
LAYOUT_BY_NAME = {layout.name: layout for layout in LAYOUTS}


def _cells(grid: Grid) -> list[str]:
    return [cell.text for row in grid.rows for cell in row.cells]


def write_linear_blank_separated(grid: Grid) -> str:
    """One cell per line, one blank line between cells: an empty cell is an empty line between separators."""
    return "\n\n".join(_cells(grid))


def write_linear_line_per_cell(grid: Grid) -> str:
    """One cell per line, no separators: an empty cell is an empty line."""
    return "\n".join(_cells(grid))


def write_pipe_cell_per_line(grid: Grid) -> str:
    """``cell |`` per line, the spanned columns of a row as one line of pipes (``|||``)."""
    lines = []
    for row in grid.rows:
        lines.extend(f"{cell.text} |" if cell.text else "|" for cell in row.cells)
        if row.pad:
            lines.append("|" * row.pad)
    return "\n".join(lines)


def write_pipe_row_per_line(grid: Grid) -> str:
    """``a | b | c |`` per table row, spanned columns as trailing pipes (``… | 11 | ||``)."""
    lines = []
    for row in grid.rows:
        line = " | ".join(cell.text for cell in row.cells) + " |"
        lines.append(line + (" " + "|" * row.pad if row.pad else ""))
    return "\n".join(lines)


def _markdown(grid: Grid, rule: bool) -> str:
    """``| a | b | c |`` per table row, spanned columns as empty cells; ``rule``: ``|---|`` under the first row.

    A markdown row is one line: a label wrapped onto a second line (split-header)
    is written with a space instead, as markdown converters do.
    """
    width = max(len(row.cells) + row.pad for row in grid.rows)
    lines = []
    for row in grid.rows:
        texts = [cell.text.replace("\n", " ") for cell in row.cells] + [""] * row.pad
        lines.append("| " + " | ".join(texts) + " |")
        if rule and len(lines) == 1:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def write_markdown(grid: Grid) -> str:
    return _markdown(grid, rule=False)


def write_markdown_rule(grid: Grid) -> str:
    return _markdown(grid, rule=True)


def write_tab_delimited(grid: Grid) -> str:
    """A table row per line, cells separated by tabs (spanned columns are not written)."""
    return "\n".join("\t".join(cell.text for cell in row.cells) for row in grid.rows)


SPACED_NULL = "—"


def write_space_delimited(grid: Grid) -> str:
    """A table row per line, cells separated by spaces.

    An empty cell cannot be written between spaces: a blank value is written as
    the null mark —, and an empty stray cell (no column) is left out, which
    loses nothing. The odd spaces the ``spaces`` perturbation puts inside a
    label are taken out again: here a space is a cell break, and one inside an
    enumerator (3　．要求提供…) leaves a cell ``3`` that no reader can tell from
    a value (the loss render._split_points avoids for split-header).
    """
    lines = []
    for row in grid.rows:
        texts = [(SPACED_NULL if cell.role == VALUE else "") if not cell.text.strip()
                 else _without_inner_spaces(cell.text) if cell.role in (HEADER, LABEL) else cell.text
                 for cell in row.cells]
        lines.append(" ".join(text for text in texts if text))
    return "\n".join(lines)


_INNER_ODD_SPACES = str.maketrans("", "", "\u2002\u3000\u00a0\u2003\u202f")  # ODD_SPACES


def _without_inner_spaces(text: str) -> str:
    core = text.strip()
    start = text.index(core)
    return text[:start] + core.translate(_INNER_ODD_SPACES) + text[start + len(core):]


def _html_cell(cell: GridCell, colspan: int) -> str:
    text = html.escape(cell.text, quote=False).replace("\n", "<br>")
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return f"<td{span}>{text if text.strip() else '&nbsp;'}</td>"


def write_html(grid: Grid) -> str:
    """A ``<table>``: a ``<tr>`` per row, a wrapped label as ``<br>``, a blank cell as ``&nbsp;``, the spanned
    columns as the last cell's colspan."""
    rows = []
    for row in grid.rows:
        last = len(row.cells) - 1
        rows.append("<tr>" + "".join(_html_cell(cell, 1 + (row.pad if i == last else 0))
                                     for i, cell in enumerate(row.cells)) + "</tr>")
    return '<table border="1">\n' + "\n".join(rows) + "\n</table>"


WRITERS: dict[Layout, Callable[[Grid], str]] = dict(zip(LAYOUTS, (
    write_linear_blank_separated, write_linear_line_per_cell, write_pipe_cell_per_line, write_pipe_row_per_line,
    write_markdown, write_markdown_rule, write_tab_delimited, write_space_delimited, write_html,
)))


# --- perturbations ---------------------------------------------------------------------

# Spaces scrapers leave: en, ideographic, no-break (and em, narrow no-break).
ODD_SPACES = ("\u2002", "\u3000", "\u00a0", "\u2003", "\u202f")
TONED_SYLLABLES = ("bào", "shí", "xiàng", "guī", "wù", "jì", "qǐng", "zhuǎn", "lǐng", "diǎn", "jù", "guān",
                   "fù", "yì", "chǔ", "lǜ", "zhèng", "xìn", "shēn", "qíng", "kuàng", "gōng", "kāi", "wén")


def _toneless(syllable: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


def _labels(grid: Grid) -> Iterable[GridCell]:
    return (cell for row in grid.rows for cell in row.cells if cell.role in (HEADER, LABEL))


_ENUMERATED = regex.compile(r"^\s*(?:[一二三四五六七]、|[（(][一二三四五六七][）)]|\d[．.、])")


def _split_points(text: str) -> range:
    """Where a label may be broken: anywhere inside, but never inside its enumerator.

    ``2．重复申请`` broken after ``2`` leaves a cell ``2``, which is a number:
    no reader can tell it from a value, so that break destroys information.
    """
    match = _ENUMERATED.match(text)
    return range((match.end() if match else 0) + 1, len(text))


_WORDY = regex.compile(r"[\p{Han}A-Za-z0-9]")


def split_header(grids: list[Grid], rng: random.Random) -> None:
    """Break labels in two or three at any point: across cells, across lines, or by a space."""
    for grid in grids:
        for row in grid.rows:
            out: list[GridCell] = []
            for cell in row.cells:
                points = _split_points(cell.text) if cell.role in (HEADER, LABEL) else range(0)
                if not points or rng.random() < 0.6:
                    out.append(cell)
                    continue
                cuts = sorted(rng.sample(points, min(len(points), rng.choice((1, 1, 2)))))
                pieces = [cell.text[a:b] for a, b in zip([0, *cuts], [*cuts, len(cell.text)])]
                if not all(_WORDY.search(piece) for piece in pieces):
                    out.append(cell)  # a piece of bare punctuation (、) is no wrap a page makes
                    continue
                how = rng.choice(("cells", "lines", "space"))
                if how == "cells":
                    out.extend(GridCell(p, cell.role) for p in pieces)
                else:
                    out.append(GridCell(("\n" if how == "lines" else " ").join(pieces), cell.role))
            row.cells = out


def _has_blank(row: GridRow | None) -> bool:
    return row is not None and any(c.role == VALUE and c.value is None for c in row.cells)


def stray_cells(grids: list[Grid], rng: random.Random) -> None:
    """Empty cells that are no column: after header rows (the columns a header cell spans).

    Never among or after a row's values: a stray empty cell there makes the row one cell
    too long, and no reader can tell a stray blank from a blank value with one value too
    many (in a cell-per-line layout not even after a full row); the parser rightly nulls
    such a row. That information is destroyed, not perturbed. Nor before a row that starts
    with values (table 四's numbers), where it would read as a blank first value.
    """
    for grid in grids:
        for number, row in enumerate(grid.rows):
            following = grid.rows[number + 1] if number + 1 < len(grid.rows) else None
            if any(c.role == VALUE for c in row.cells) or _has_blank(following):
                continue
            if rng.random() < 0.5:
                continue
            if following is not None and following.cells and following.cells[0].role == VALUE:
                continue
            for _ in range(rng.randint(1, 2)):
                row.cells.append(GridCell("", STRAY))


def null_marks(grids: list[Grid], rng: random.Random) -> None:
    """A blank value written as a null mark: / - — 无."""
    for grid in grids:
        for row in grid.rows:
            for cell in row.cells:
                if cell.role == VALUE and cell.value is None:
                    cell.text = rng.choice(("/", "-", "—", "无", "——"))


def thousands(grids: list[Grid], rng: random.Random) -> None:
    """Thousands separators: 12,251 and 2,389.27441."""
    for grid in grids:
        for row in grid.rows:
            for cell in row.cells:
                if cell.role == VALUE and cell.value is not None and abs(cell.value) >= 1000:
                    cell.text = format(cell.value, ",f" if isinstance(cell.value, Decimal)
                                       else "+," if cell.signed else ",")


# label -> the variants real reports print instead
LABEL_VARIANTS: dict[str, tuple[str, ...]] = {
    "行政规范性文件": ("规范性文件",),
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": (
        "（二）部分公开（区分处理的，只计这一情况，不计其他情况）", "（二）部分公开"),
    "本年废止件数": ("本年废止件数（包括自然失效和不再按规范性文件管理）",),
    "本年收费金额（单位：万元）": ("本年收费金额（单位:万元）", "本年收费金额"),
    "规范性文件": ("行政规范性文件",),
    "本年增/减": ("本年增减",),
    "采购总金额": ("采购总金额（单位：元）",),
}


def _item_variant(text: str, rng: random.Random) -> str:
    """第二十条第（一）项 with spaces inside: 第二十条 第(一)项, 第二十条第（一） 项."""
    if not text.startswith("第二十条"):
        return text
    return rng.choice((text.replace("条第", "条 第"), text.replace("）项", "） 项"), text.replace("第", " 第")))


def _paren_variant(text: str, rng: random.Random) -> str:
    """Half-width parentheses and enumerators: (一) for （一）, 1. or 1、 for 1．."""
    text = text.translate(str.maketrans("（）：，", "():,")) if rng.random() < 0.5 else text
    return regex.sub(r"^(\d)．", lambda m: m.group(1) + rng.choice((".", "、", "．")), text)


def label_variants(grids: list[Grid], rng: random.Random) -> None:
    """Labels as real reports print them: 规范性文件, 只计这一情况, (一), 1., 第二十条 第(一)项; signed
    changes as 增3 and 减4."""
    for grid in grids:
        for row in grid.rows:
            for cell in row.cells:
                if cell.role not in (HEADER, LABEL) or rng.random() < 0.4:
                    continue
                text = rng.choice((cell.text, *LABEL_VARIANTS.get(cell.text, ())))
                cell.text = _paren_variant(_item_variant(text, rng), rng)
            if grid.numeral == "二" and rng.random() < 0.3:
                _split_repeal_note(row)
            for cell in row.cells:
                if cell.signed and cell.value and abs(cell.value) < 1000 and rng.random() < 0.4:
                    cell.text = f"{'增' if cell.value > 0 else '减'}{abs(cell.value)}"  # 减4 for -4


def _split_repeal_note(row: GridRow) -> None:
    """本年废止件数 and its note （包括自然失效…） as two cells (seed 000)."""
    for index, cell in enumerate(row.cells):
        if cell.role == HEADER and cell.text == "本年废止件数":
            row.cells.insert(index + 1, GridCell("（包括自然失效和不再按规范性文件管理）", HEADER))
            return


def cell_spaces(grids: list[Grid], rng: random.Random) -> None:
    """Odd spaces around cells and inside labels (商业\u3000企业)."""
    for grid in grids:
        for row in grid.rows:
            for cell in row.cells:
                if rng.random() < 0.3:
                    cell.text = rng.choice(ODD_SPACES) + cell.text
                if rng.random() < 0.3:
                    cell.text = cell.text + rng.choice(ODD_SPACES)
                core = cell.text.strip()
                if cell.role in (HEADER, LABEL) and len(core) > 2 and rng.random() < 0.3:
                    start = cell.text.index(core)
                    at = start + rng.randint(1, len(core) - 1)
                    cell.text = cell.text[:at] + rng.choice(ODD_SPACES) + cell.text[at:]


def text_spaces(text: str, rng: random.Random) -> str:
    """Every plain space (in `` | `` and in headings) may become an en, ideographic or no-break space."""
    return regex.sub(" ", lambda _: rng.choice((" ", *ODD_SPACES)), text)


_DIGIT_RUN = regex.compile(r"\d[\d,.]*")
_FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def full_width(text: str, rng: random.Random) -> str:
    """Full-width digits (and their comma and point), run by run, as some sites print them."""
    return _DIGIT_RUN.sub(lambda m: m.group().translate(_FULL_WIDTH) if rng.random() < 0.5 else m.group(), text)


def crlf(text: str, rng: random.Random) -> str:
    """Windows line ends, on most lines (files edited twice mix them)."""
    return regex.sub("\n", lambda _: "\r\n" if rng.random() < 0.9 else "\n", text)


def bom(text: str, rng: random.Random) -> str:
    """A byte-order mark before the first line (as a character: ``render_bytes`` turns it into EF BB BF)."""
    return "\ufeff" + text


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str, rng: random.Random) -> str:
    """Traditional characters, as mirror sites convert whole pages (phrase-level OpenCC s2t)."""
    return _s2t().convert(text)


# A character not yet followed by pinyin: with both styles chosen, each character
# gets one reading at most (a page that mixes the styles, not one converted twice).
_HAN_CHAR = regex.compile(r"\p{Han}(?!\()")


def _inject_pinyin(text: str, rng: random.Random, toned: bool) -> str:
    def one(match: regex.Match) -> str:
        if rng.random() >= 0.2:
            return match.group()
        syllable = rng.choice(TONED_SYLLABLES)
        return f"{match.group()}({syllable if toned else _toneless(syllable)})"

    return _HAN_CHAR.sub(one, text)


def pinyin(text: str, rng: random.Random) -> str:
    """Pinyin injected after characters, toned: 報(bào)告."""
    return _inject_pinyin(text, rng, toned=True)


def pinyin_toneless(text: str, rng: random.Random) -> str:
    """Pinyin injected after characters, toneless: 文(wen)章(zhang)."""
    return _inject_pinyin(text, rng, toned=False)


@dataclass(frozen=True, slots=True)
class Perturbation:
    name: str
    doc: str
    cells: Callable[[list[Grid], random.Random], None] | None = None  # edits the grids in place
    text: Callable[[str, random.Random], str] | None = None  # rewrites the finished text
    frame: bool = False  # changes the frame (read by the frame writer)


PROSE = "prose"

PERTURBATIONS: tuple[Perturbation, ...] = (
    Perturbation("label-variants", label_variants.__doc__, cells=label_variants),
    Perturbation("split-header", split_header.__doc__, cells=split_header),
    Perturbation("thousands", thousands.__doc__, cells=thousands),
    Perturbation("null-marks", null_marks.__doc__, cells=null_marks),
    Perturbation("stray-cells", stray_cells.__doc__, cells=stray_cells),
    Perturbation("spaces", "Odd spaces around cells, inside labels and in place of plain spaces.",
                 cells=cell_spaces, text=text_spaces),
    Perturbation(PROSE, "Prose lines between a heading and its table, and a note after it.", frame=True),
    Perturbation("full-width", full_width.__doc__, text=full_width),
    Perturbation("traditional", traditional.__doc__, text=traditional),
    Perturbation("pinyin", pinyin.__doc__, text=pinyin),
    Perturbation("pinyin-toneless", pinyin_toneless.__doc__, text=pinyin_toneless),
    Perturbation("crlf", crlf.__doc__, text=crlf),
    Perturbation("bom", bom.__doc__, text=bom),
)
PERTURBATION_NAMES: tuple[str, ...] = tuple(p.name for p in PERTURBATIONS)
ENCODINGS = ("utf-8", "gb18030", "utf-16")


# --- the frame ---------------------------------------------------------------------------

HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}

PROSE_BEFORE = {
    "二": ("本年度主动公开政府信息情况如下：", "（单位：件）", "表一 主动公开政府信息情况统计表"),
    "三": ("本年度共收到政府信息公开申请{new}件，办理情况如下：", "（单位：件）"),
    "四": ("本年度因政府信息公开引起的行政复议、行政诉讼情况如下：",),
}
PROSE_AFTER = ("注：以上数据统计时限为{year}年1月1日至{year}年12月31日。", "数据来源：本机关政务公开工作台账。")


def _heading(numeral: str, rng: random.Random) -> str:
    """A heading, sometimes with the spaces scrapes leave (一、   总体情况)."""
    text = HEADINGS[numeral]
    roll = rng.random()
    if roll < 0.15:
        return text.replace("、", "、   ") + "  "
    if roll < 0.25:
        return " " + text
    return text


def _frame_before(report: Report, rng: random.Random) -> list[str]:
    year, agency = report.year, report.agency
    new = report.applications.new_received.total or 0
    published = report.published
    if rng.random() < 0.5:
        y, m, d = published.split("-")
        published = f"{y}年{m}月{d}日"
    lines = [
        report.title,
        f"来源：{agency} 发布时间：{published} 点击数：{rng.randint(10, 9000)}",
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
        f"关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求，编制本报告。本报告所列数据的统计期限为"
        f"{year}年1月1日至12月31日。如对本报告有疑问，请与{agency}办公室联系。",
        _heading("一", rng),
        f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》，"
        "进一步加大政府信息公开力度，提升政务公开质量。",
        "（一）主动公开",
        f"全年共主动公开政府信息{rng.randint(20, 3000)}条，其中政策文件{rng.randint(0, 80)}件，"
        f"政策解读{rng.randint(0, 40)}篇，召开新闻发布会{rng.randint(0, 12)}场。",
        "（二）依申请公开",
        f"{year}年共收到政府信息公开申请{new}件，均在法定期限内答复，按时答复率100%。",
        "（三）政府信息管理",
        "一是健全信息发布审核机制，严格执行“三审三校”制度；二是及时清理过期信息，确保信息准确一致。",
        "（四）平台建设",
        f"充分发挥政府网站第一平台作用，全年更新栏目{rng.randint(5, 60)}个，政务新媒体发布信息{rng.randint(0, 500)}条。",
        "（五）监督保障",
        "将政务公开工作纳入年度绩效考核，开展业务培训2次，未发生因政府信息公开引发的责任追究事件。",
    ]
    return lines


def _frame_after(report: Report, rng: random.Random) -> list[str]:
    y, m, d = (int(p) for p in report.published.split("-"))
    return [
        _heading("五", rng),
        "（一）存在的主要问题",
        "一是主动公开的深度和广度有待加强；二是政策解读形式较为单一，图解、视频等形式运用不多。",
        "（二）改进情况",
        f"{report.year + 1}年，将进一步完善公开制度，丰富解读形式，不断提升政务公开工作水平。",
        _heading("六", rng),
        f"本年度未收取信息处理费。本机关{report.year}年度政务公开工作要点已全部落实。",
        report.agency,
        f"{y}年{m}月{d}日",
    ]


def _prose(lines: Sequence[str], report: Report) -> list[str]:
    new = report.applications.new_received.total or 0
    return [line.format(new=new, year=report.year) for line in lines]


# --- rendering -------------------------------------------------------------------------


def _perturbations(names: Iterable[str]) -> list[Perturbation]:
    wanted = set(names)
    unknown = wanted - set(PERTURBATION_NAMES)
    if unknown:
        raise ValueError(f"unknown perturbations: {', '.join(sorted(unknown))}")
    return [p for p in PERTURBATIONS if p.name in wanted]


def _layout(layout: Layout | str) -> Layout:
    if isinstance(layout, Layout):
        return layout
    try:
        return LAYOUT_BY_NAME[layout]
    except KeyError:
        pass
    try:
        return TOOL_LAYOUT_BY_NAME[layout]
    except KeyError:
        known = ", ".join([*LAYOUT_BY_NAME, *TOOL_LAYOUT_BY_NAME])
        raise ValueError(f"unknown layout {layout!r}; one of {known}") from None


def render(report: Report, layout: Layout | str = LAYOUTS[0], perturbations: Iterable[str] = (),
           seed: int = 0) -> str:
    """The full report text: ``report`` in ``layout`` with ``perturbations`` (names from PERTURBATION_NAMES).

    Every random choice (which label to split, where to put a stray cell, the
    narrative numbers) comes from ``random.Random(seed)``: same inputs, same text.
    """
    layout = _layout(layout)
    if layout in TOOL_WRITERS:
        return render_shape(report, layout, perturbations, seed).text
    chosen = _perturbations(perturbations)
    rng = random.Random(seed)
    tables = grids(report)
    for perturbation in chosen:
        if perturbation.cells is not None:
            perturbation.cells(tables, rng)
    prose = any(p.name == PROSE for p in chosen)
    page = layout.format == HTML
    para = _paragraph if page else str
    lines = _frame_before(report, rng)
    if page:
        lines = [f"<h1>{html.escape(lines[0], quote=False)}</h1>", *map(para, lines[1:])]
    for grid in tables:
        lines.append(para(_heading(grid.numeral, rng)))
        if prose:
            lines.extend(map(para, _prose(
                PROSE_BEFORE[grid.numeral][:rng.randint(1, len(PROSE_BEFORE[grid.numeral]))], report)))
        lines.append(WRITERS[layout](grid))
        if prose and rng.random() < 0.5:
            lines.extend(map(para, _prose(PROSE_AFTER[:1], report)))
    lines.extend(map(para, _frame_after(report, rng)))
    text = layout.frame_separator.join(lines) + "\n"
    if page:
        text = HTML_HEAD + text + HTML_TAIL
    for perturbation in chosen:
        if perturbation.text is not None:
            if page and perturbation.name != "bom":
                text = _in_text_nodes(text, perturbation.text, rng)
            else:
                text = perturbation.text(text, rng)
    return text


# An HTML page: no charset in the head, the bytes may be GB18030 or UTF-16.
HTML_HEAD = "<!DOCTYPE html>\n<html><head></head>\n<body>\n"
HTML_TAIL = "</body></html>\n"
_MARKUP = regex.compile(r"(<[^>]*>|&nbsp;)")


def _paragraph(line: str) -> str:
    return f"<p>{html.escape(line, quote=False)}</p>"


def _in_text_nodes(text: str, perturb: Callable[[str, random.Random], str], rng: random.Random) -> str:
    """A text perturbation applied to what a page shows, never inside tags or entities (a page's
    markup is ASCII; full-width digits or odd spaces in it would be another page, not a perturbed one)."""
    return "".join(piece if index % 2 else perturb(piece, rng)
                   for index, piece in enumerate(_MARKUP.split(text)))


def render_bytes(report: Report, layout: Layout | str = LAYOUTS[0], perturbations: Iterable[str] = (),
                 seed: int = 0, encoding: str = "utf-8") -> bytes:
    """``render`` encoded: UTF-8 (a ``bom`` perturbation gives EF BB BF), GB18030, or UTF-16 with its BOM."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}; one of {', '.join(ENCODINGS)}")
    text = render(report, layout, perturbations, seed)
    if encoding != "utf-8":
        text = text.removeprefix("\ufeff")  # GB18030 and UTF-16 carry their own (or no) mark
    return text.encode(encoding)


# --- tool shapes: a table as extraction tools print it ------------------------------------------
#
# The layouts above are what scrapers write cell by cell. Users also feed the parser
# what an extraction tool made of a page or a PDF: pandoc's ``+---+`` grid tables,
# w3m's box-drawn ones, a PDF's text in reading order (pypdf, pdfplumber) or in its
# physical layout (``pdftotext -layout``), and crawler text with every cell glued to the
# next. Those writers lay the grid out in columns of a width, wrap a cell wider than
# its column inside it, and break pages; they need the random source, so they live
# in TOOL_WRITERS, apart from WRITERS, and their layouts in TOOL_LAYOUTS, apart from
# LAYOUTS (benchmarks and the round trip of tests/test_roundtrip.py do not draw them).
#
# Where a shape destroys information the renderer says so: ``render_shape`` returns
# the text and the set of cells (``table.row.column``) a reader may give as null
# (with a diagnostic naming the row) instead of the value. Today only run-together
# text destroys: a row whose glued digits split into its cells in more than one way
# under the cells' formats alone (``000`` is three zeros, ``640020470`` is many rows).
# Every other cell must come back right: a null is a failure, a wrong number worse.

GRID_FORMAT = "grid"
SPACE_ALIGNED_FORMAT = "space-aligned"
RUN_TOGETHER_FORMAT = "run-together"
ASCII_GRID_STYLE = "ascii-grid"
BOX_DRAWN_STYLE = "box-drawn"
WRAPPED_LABELS_STYLE = "wrapped-labels"
X_POSITIONED_STYLE = "x-positioned"

PANDOC_GRID = Layout(GRID_FORMAT, ASCII_GRID_STYLE)  # pandoc -t plain
W3M_BOX = Layout(GRID_FORMAT, BOX_DRAWN_STYLE)  # w3m -dump
PDF_READING_ORDER = Layout(SPACE_DELIMITED, WRAPPED_LABELS_STYLE)  # pypdf, pdfplumber extract_text()
PDF_PHYSICAL = Layout(SPACE_ALIGNED_FORMAT, X_POSITIONED_STYLE)  # pdftotext -layout
RUN_TOGETHER = Layout(RUN_TOGETHER_FORMAT, RUN_TOGETHER_FORMAT)  # crawler text, cells glued
TOOL_LAYOUTS: tuple[Layout, ...] = (PANDOC_GRID, W3M_BOX, PDF_READING_ORDER, PDF_PHYSICAL, RUN_TOGETHER)
TOOL_LAYOUT_BY_NAME = {layout.name: layout for layout in TOOL_LAYOUTS}

# Perturbations a tool shape takes. A tool prints the page it is given: a label split
# across cells or a stray empty cell would be another table (more columns), odd spaces
# inside a label are cell breaks in PDF text, and pinyin is not what a PDF holds. Text
# perturbations act on the cells before the columns are laid out (full-width digits are
# two columns wide), except crlf and bom, which act on the finished text. Run-together
# text takes no thousands separators: a comma glued between digit runs is a cell
# boundary or a separator, and no reader can tell.
_TOOL_PERTURBATIONS = ("label-variants", "thousands", "null-marks", PROSE, "full-width", "traditional", "crlf",
                       "bom")
TOOL_PERTURBATIONS: dict[Layout, tuple[str, ...]] = {
    layout: tuple(p for p in _TOOL_PERTURBATIONS if not (layout == RUN_TOGETHER and p == "thousands"))
    for layout in TOOL_LAYOUTS
}
_WHOLE_TEXT = ("crlf", "bom")


@dataclass(frozen=True, slots=True)
class Rendered:
    """A report in a tool's shape, and the cells (``table.row.column``) that shape destroyed."""

    text: str
    lossy: frozenset[str]


def display_width(text: str) -> int:
    """Columns a terminal or a monospaced PDF line gives ``text``: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Chinese line breaking (禁则): a line never starts with closing punctuation nor ends with opening.
_NO_LINE_START = frozenset("”’）)》」』】，。、；：！？,.;:!?")
_NO_LINE_END = frozenset("“‘（(《「『【")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between any two characters (CJK text has no
    spaces) as a typesetter breaks them: never inside a run of digits (a number is one word to every
    tool), never before closing punctuation or after opening (the character before a closing ” goes
    down with it, as Word and LibreOffice lay out Chinese)."""
    text = text.replace("\n", "")
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in regex.findall(r"[0-9０-９][0-9０-９,，.．]*|.", text):
        size = display_width(word)
        if line and used + size > width:
            carried: list[str] = []
            if word in _NO_LINE_START and len(line) > 1:
                carried.append(line.pop())
            while len(line) > 1 and line[-1] in _NO_LINE_END:
                carried.insert(0, line.pop())
            if carried and sum(map(display_width, carried)) + size > width:
                line.extend(carried)  # too narrow to carry: broken where it falls
                carried = []
            lines.append("".join(line))
            line, used = carried, sum(map(display_width, carried))
        line.append(word)
        used += size
    return [*lines, "".join(line)] if line or not lines else lines


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


@dataclass(slots=True)
class _Placed:
    """A grid cell placed in columns ``first``..``last`` (the last cell of a row spans the padding)."""

    cell: GridCell
    first: int
    last: int


def _placed_rows(grid: Grid) -> tuple[int, list[list[_Placed]]]:
    count = max(len(row.cells) + row.pad for row in grid.rows)
    placed = []
    for row in grid.rows:
        cells = [_Placed(cell, index, index) for index, cell in enumerate(row.cells)]
        if cells:
            cells[-1].last = count - 1
        placed.append(cells)
    return count, placed


def _column_widths(count: int, placed: list[list[_Placed]], rng: random.Random) -> list[int]:
    """Each column as wide as its widest single cell, capped at a width drawn per column, but never
    narrower than its widest value: tools wrap labels inside their column, and a number no tool breaks
    (a PDF whose column is narrower than a number breaks it: information lost, not rendered here)."""
    natural = [2] * count
    least = [2] * count
    labels = [False] * count
    for row in placed:
        for item in row:
            width = display_width(item.cell.text.replace("\n", ""))
            if item.first == item.last:
                natural[item.first] = max(natural[item.first], width)
            if item.cell.role == VALUE:
                least[item.first] = max(least[item.first], width)
            labels[item.first] = labels[item.first] or item.cell.role == LABEL
    return [max(least[j], min(natural[j], rng.choice((12, 16, 20, 24, 32) if labels[j] else
                                                       (6, 8, 10, 12, 14, 16, 20, 24, 32))))
            for j in range(count)]


def _boundaries(row: list[_Placed]) -> set[int]:
    """Column indexes after which ``row`` has a cell border."""
    return {item.last for item in row}


def _cell_lines(placed: list[_Placed], widths: list[int], border: int) -> list[list[str]]:
    return [_wrap(item.cell.text, sum(widths[item.first:item.last + 1]) + border * (item.last - item.first))
            for item in placed]


def write_pandoc_grid(grid: Grid, rng: random.Random) -> str:
    """``pandoc -t plain``'s grid table: ``+---+`` rules, ``| a | b |`` lines, the first row a header under
    ``+===+``, a cell wrapped inside its column, top-aligned, a spanned cell across its columns."""
    count, placed = _placed_rows(grid)
    widths = _column_widths(count, placed, rng)

    def rule(above: set[int], below: set[int], fill: str) -> str:
        joints = above | below
        return "+" + "".join(fill * (widths[j] + 2) + ("+" if j in joints or j == count - 1 else fill)
                             for j in range(count))

    lines = [rule(set(), _boundaries(placed[0]), "-")]
    for number, row in enumerate(placed):
        wrapped = _cell_lines(row, widths, 3)
        height = max(len(w) for w in wrapped)
        for k in range(height):
            lines.append("|" + "|".join(
                " " + _pad(w[k] if k < len(w) else "", sum(widths[i.first:i.last + 1]) + 3 * (i.last - i.first)) + " "
                for i, w in zip(row, wrapped)) + "|")
        below = _boundaries(placed[number + 1]) if number + 1 < len(placed) else set()
        lines.append(rule(_boundaries(row), below, "=" if number == 0 else "-"))
    return "\n".join(lines)


_BOX_JOINTS = {  # (border above, border below) -> the character where a rule meets a column border
    (True, True): "┼", (True, False): "┴", (False, True): "┬", (False, False): "─"}


def write_w3m_box(grid: Grid, rng: random.Random) -> str:
    """``w3m -dump``'s box-drawn table: ┌─┬─┐ │ ├─┼─┤ └─┴─┘, no padding inside the borders, a cell wrapped
    inside its column and centred vertically in its row (w3m's valign middle)."""
    count, placed = _placed_rows(grid)
    widths = _column_widths(count, placed, rng)

    def rule(above: set[int], below: set[int], left: str, right: str) -> str:
        return left + "".join("─" * widths[j] + (right if j == count - 1 else _BOX_JOINTS[j in above, j in below])
                              for j in range(count))

    lines = [rule(set(), _boundaries(placed[0]), "┌", "┐")]
    for number, row in enumerate(placed):
        wrapped = _cell_lines(row, widths, 1)
        height = max(len(w) for w in wrapped)
        tops = [(height - len(w)) // 2 for w in wrapped]
        for k in range(height):
            lines.append("│" + "│".join(
                _pad(w[k - top] if 0 <= k - top < len(w) else "", sum(widths[i.first:i.last + 1]) + i.last - i.first)
                for i, w, top in zip(row, wrapped, tops)) + "│")
        last = number + 1 == len(placed)
        below = set() if last else _boundaries(placed[number + 1])
        lines.append(rule(_boundaries(row), below, "└" if last else "├", "┘" if last else "┤"))
    return "\n".join(lines)


# Page furniture a PDF prints where a page breaks inside a table.
_PAGE_NUMBERS = ("- {n} -", "第 {n} 页 共 {m} 页", "第{n}页共{m}页", "— {n} —")
_TABLE_HEADER_ROWS = {"三": 3, "四": 3}  # rows a PDF table repeats after a page break (table 二 repeats none)


def _page_furniture(rng: random.Random, running: str | None) -> list[str]:
    page = rng.randint(2, 12)
    lines = [rng.choice(_PAGE_NUMBERS).format(n=page, m=page + rng.randint(1, 6))]
    if running is not None and rng.random() < 0.4:
        lines.append(running)
    return lines


def _blank_mark(cell: GridCell, rng: random.Random) -> str:
    """A blank value as a mark: in PDF text and glued text an empty cell leaves nothing, and no reader can
    tell which column lost its value, so a blank is rendered as a null mark (/ — 无)."""
    if cell.text.strip():
        return cell.text
    return rng.choice(("/", "—", "无"))


# Where a tool meets a wrapped row's values, one way for a whole table (its cells are aligned one way):
# pypdf writes a cell's lines before the next cell's, so the values come after the label, on its last
# line (cells aligned to the bottom) or on a line of their own; pdfplumber writes lines by height, so
# the values are on the label's first line (cells aligned to the top), or centred: on its middle line,
# or between its two middle lines.
_VALUES_AT = ("last", "own", "first", "middle")


def _reading_order_lines(grid: Grid, rng: random.Random) -> list[list[str]]:
    """Each grid row as the lines pypdf or pdfplumber give it: cells by single spaces, a long label wrapped
    over lines with the numbers where the tool meets them (``_VALUES_AT``, one way for the table)."""
    cap = rng.randint(10, 22)
    values_at = rng.choice(_VALUES_AT)
    out: list[list[str]] = []
    for row in grid.rows:
        words = [c for c in row.cells if c.role in (HEADER, LABEL)]
        values = [_blank_mark(c, rng) for c in row.cells if c.role == VALUE]
        pieces: list[str] = []
        long = any(len(c.text) > cap for c in words)
        if words and not values and not long:
            out.append([" ".join(c.text for c in words)])
            continue
        for cell in words[:-1]:  # a group label (（三）不予公开) on lines of its own, above its first row
            pieces.extend(_wrap(cell.text, 2 * cap))
        label = _wrap(words[-1].text, 2 * cap) if words and values else []
        if not values:
            label = _wrap(words[-1].text, 2 * cap) if words else []
        if values:
            run = " ".join(values)
            where = values_at if len(label) > 1 else "last"
            if not label or where == "own":
                label.append(run)
            elif where == "last":
                label[-1] += " " + run
            elif where == "first":
                label[0] += " " + run
            elif len(label) % 2:
                label[len(label) // 2] += " " + run
            else:
                label.insert(len(label) // 2, run)
        out.append(pieces + label)
    return out


def write_pdf_reading_order(grid: Grid, rng: random.Random, running: str | None = None) -> str:
    """A PDF table as ``extract_text()`` of pypdf or pdfplumber gives it, perhaps crossing a page: a page
    number line (and a running header) between rows or inside a wrapped row, the table's header rows
    repeated after it."""
    rows = _reading_order_lines(grid, rng)
    headers = _TABLE_HEADER_ROWS.get(grid.numeral, 0)
    if rng.random() < 0.6 and len(rows) > 1:
        at = rng.randint(1, len(rows) - 1)
        inside = len(rows[at - 1]) > 1 and rng.random() < 0.3
        furniture = _page_furniture(rng, running)
        if inside:
            split = rng.randint(1, len(rows[at - 1]) - 1)
            rows[at - 1] = rows[at - 1][:split] + furniture + rows[at - 1][split:]
        else:
            repeat = [line for r in rows[:headers] for line in r] if at >= headers and rng.random() < 0.5 else []
            rows.insert(at, furniture + repeat)
    return "\n".join(line for row in rows for line in row)


def write_pdf_physical(grid: Grid, rng: random.Random, running: str | None = None,
                       lossy: set[str] | None = None) -> str:
    """A PDF table as ``pdftotext -layout`` gives it: each cell at its column's x position, a cell wrapped
    inside its column, the cells of a row centred vertically, so that a value sits on a line of its own
    between the two lines of a wrapped label and header words stack; a page break as blank lines, a
    centred page number and a form feed."""
    count, placed = _placed_rows(grid)
    widths = _column_widths(count, placed, rng)
    gaps = [rng.choice((1, 2, 2, 3, 4, 6)) for _ in range(count)]
    xs = [sum(widths[:j]) + sum(gaps[:j]) for j in range(count)]
    blanks_kept = rng.random() < 0.5
    value_rows = [row for row in placed if any(item.cell.role == VALUE for item in row)]
    if blanks_kept and lossy is not None and len(value_rows) == 1 and \
            any(item.cell.role == VALUE and not item.cell.text.strip() for item in value_rows[0]):
        # A blank cell prints nothing. In a table of one row of values (四), no other row shows where
        # its columns are, and this grid's header (no cell spans columns) stands over none of them:
        # which column is blank is not in the text. The row's cells are lost.
        lossy.update(item.cell.path for item in value_rows[0] if item.cell.role == VALUE)
    rows: list[list[str]] = []
    for row in placed:
        for item in row:
            if item.cell.role == VALUE and not item.cell.text.strip() and not blanks_kept:
                item.cell = GridCell(_blank_mark(item.cell, rng), VALUE, item.cell.value, item.cell.signed)
        wrapped = [_wrap(i.cell.text, xs[i.last] + widths[i.last] - xs[i.first]) for i in row]
        height = max(len(w) for w in wrapped)
        slots: dict[int, list[tuple[int, str]]] = {}
        for item, lines in zip(row, wrapped):
            for k, text in enumerate(lines):
                if text:
                    slots.setdefault(height - len(lines) + 2 * k, []).append((xs[item.first], text))
        out = []
        for slot in sorted(slots):
            line = ""
            for x, text in sorted(slots[slot]):
                line = _pad(line, max(x, display_width(line) + 1) if line else x) + text
            out.append(line.rstrip())
        rows.append(out)
    if rng.random() < 0.5 and len(rows) > 1:
        at = rng.randint(1, len(rows) - 1)
        page = rng.randint(1, 9)
        middle = " " * (sum(widths) // 2)
        furniture = ["", "", middle + rng.choice(_PAGE_NUMBERS).format(n=page, m=page + 1), "\f"]
        headers = _TABLE_HEADER_ROWS.get(grid.numeral, 0)
        repeat = [line for r in rows[:headers] for line in r] if at >= headers and rng.random() < 0.5 else []
        if running is not None and rng.random() < 0.4:
            furniture.append(middle + running)
        rows.insert(at, furniture + repeat)
    text = "\n".join(line for row in rows for line in row)
    return text.replace("\f\n", "\f")


def write_run_together(grid: Grid, rng: random.Random, lossy: set[str] | None = None) -> str:
    """A table as a crawler's text of the page: every cell glued to the next, nothing between them, now
    and then a stray space; a blank value as a null mark (nothing would leave no trace of the cell).

    The paths of the value cells whose row's glued values split into the row's cells in more than one way
    (by the cells' formats alone) are added to ``lossy``.
    """
    pieces = []
    for row in grid.rows:
        run, kinds = "", []
        for cell in row.cells:
            if cell.role == VALUE:
                text = _blank_mark(cell, rng)
                kinds.append(_glued_kind(cell))
            else:
                text = cell.text.replace("\n", "")
            space = " " if rng.random() < 0.04 else ""
            pieces.append(text + space)
            if cell.role == VALUE:
                run += text + space
        if lossy is not None and kinds and glued_splits(run, kinds) != 1:
            lossy.update(c.path for c in row.cells if c.role == VALUE)
    return "".join(pieces)


def _glued_kind(cell: GridCell) -> str:
    """The format of a value cell's column as a reader knows it, a blank cell's too (a reader does not
    know it is blank: glued_splits lets any cell be a mark): money where a blank hides count or money."""
    if cell.signed:
        return DELTA
    return MONEY if cell.value is None or isinstance(cell.value, Decimal) else "count"


# The formats a value's text takes, for counting the ways glued digits split into cells.
_GLUED_FORMATS = {
    "count": regex.compile(r"0|[1-9][0-9]*"),
    DELTA: regex.compile(r"[+-]?(?:0|[1-9][0-9]*)|[增减](?:0|[1-9][0-9]*)"),
    MONEY: regex.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
    "blank": regex.compile(r"/|-|—|——|无"),
}
_HALF_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_LONGEST_CELL = 16  # characters of the longest value text (money with five places; a null mark)


def glued_splits(text: str, kinds: Sequence[str], limit: int = 2) -> int:
    """In how many ways ``text`` (a row's values glued, a space a sure boundary) splits into cells of
    ``kinds`` (``count``, DELTA, MONEY, ``blank``), counted up to ``limit``, any cell also a null mark
    (a reader knows no cell is blank: ``2-26`` is 2|-2|6 or 2|-|26). Linear: text × cells × 16."""
    text = text.translate(_HALF_WIDTH_DIGITS).strip()
    memo: dict[tuple[int, int], int] = {}

    def ways(at: int, cell: int) -> int:
        while at < len(text) and text[at] == " ":
            at += 1
        if cell == len(kinds):
            return 1 if at == len(text) else 0
        key = (at, cell)
        if key not in memo:
            found = 0
            for end in range(at + 1, min(len(text), at + _LONGEST_CELL) + 1):
                if text[end - 1] == " ":
                    break
                if _GLUED_FORMATS[kinds[cell]].fullmatch(text[at:end]) or _GLUED_FORMATS["blank"].fullmatch(text[at:end]):
                    found = min(limit, found + ways(end, cell + 1))
                    if found >= limit:
                        break
            memo[key] = found
        return memo[key]

    return ways(0, 0)


def _mark_paths(report: Report, tables: list[Grid]) -> None:
    """Name each value cell by its ``table.row.column`` (grids() writes values in the model's order)."""
    for grid, key in zip(tables, ("active_disclosure", "applications", "review_litigation")):
        table = getattr(report, key)
        paths = [f"{key}.{row_key}.{column}" for row_key, row_cls in rows_of(type(table))
                 for column, _ in columns_of(row_cls)]
        cells = [c for row in grid.rows for c in row.cells if c.role == VALUE]
        if len(cells) != len(paths):
            raise AssertionError(f"table {grid.numeral}: {len(cells)} value cells for {len(paths)} fields")
        for cell, path in zip(cells, paths):
            cell.path = path


def render_shape(report: Report, layout: Layout | str, perturbations: Iterable[str] = (),
                 seed: int = 0) -> Rendered:
    """``report`` as a tool prints it (``layout`` from TOOL_LAYOUTS; any other is ``render``'s, with nothing
    lossy), with ``perturbations`` from TOOL_PERTURBATIONS[layout], and the cells the shape destroyed.

    Deterministic: every choice (column widths, where a page breaks, where a wrapped label's numbers go)
    comes from ``random.Random(seed)``.
    """
    layout = _layout(layout)
    if layout not in TOOL_WRITERS:
        return Rendered(render(report, layout, perturbations, seed), frozenset())
    chosen = _perturbations(perturbations)
    refused = sorted({p.name for p in chosen} - set(TOOL_PERTURBATIONS[layout]))
    if refused:
        raise ValueError(f"layout {layout.name} does not take {', '.join(refused)}")
    rng = random.Random(seed)
    tables = grids(report)
    _mark_paths(report, tables)
    for perturbation in chosen:
        if perturbation.cells is not None:
            perturbation.cells(tables, rng)
    on_text = [p.text for p in chosen if p.text is not None and p.name not in _WHOLE_TEXT]

    def perturbed(text: str, draws: random.Random = rng) -> str:
        for change in on_text:
            text = change(text, draws)
        return text

    # The title as the report prints it, which a PDF prints again as its pages' running header
    # (traditional characters and full-width digits alike): its own draws, the others' stay as they were.
    title = perturbed(report.title, random.Random(seed))

    for grid in tables:
        for row in grid.rows:
            for cell in row.cells:
                if cell.text.strip():
                    cell.text = perturbed(cell.text)
    prose = any(p.name == PROSE for p in chosen)
    lossy: set[str] = set()
    frame = _frame_before(report, rng)
    body: list[str] = []
    for grid in tables:
        body.append(perturbed(_heading(grid.numeral, rng)))
        if prose:
            body.extend(map(perturbed, _prose(
                PROSE_BEFORE[grid.numeral][:rng.randint(1, len(PROSE_BEFORE[grid.numeral]))], report)))
        if layout == RUN_TOGETHER:
            body.append(write_run_together(grid, rng, lossy))
        elif layout == PDF_PHYSICAL:
            body.append(write_pdf_physical(grid, rng, title, lossy))
        else:
            body.append(TOOL_WRITERS[layout](grid, rng, title))
        if prose and rng.random() < 0.5:
            body.extend(map(perturbed, _prose(PROSE_AFTER[:1], report)))
    body.extend(map(perturbed, _frame_after(report, rng)))
    frame = [title, perturbed(frame[1]), *map(perturbed, frame[2:])]
    if layout == RUN_TOGETHER:
        # a header block of lines, then the whole body on one line, a space between some of its parts
        glued = "".join(part + (" " if rng.random() < 0.3 else "") for part in [*frame[2:], *body])
        text = "\n".join([*frame[:2], "==================== 正文 ====================", glued]) + "\n"
    else:
        text = "\n".join([*frame, *body]) + "\n"
    for perturbation in chosen:
        if perturbation.text is not None and perturbation.name in _WHOLE_TEXT:
            text = perturbation.text(text, rng)
    return Rendered(text, frozenset(lossy))


TOOL_WRITERS: dict[Layout, Callable[..., str]] = {
    PANDOC_GRID: lambda grid, rng, running: write_pandoc_grid(grid, rng),
    W3M_BOX: lambda grid, rng, running: write_w3m_box(grid, rng),
    PDF_READING_ORDER: write_pdf_reading_order,
    PDF_PHYSICAL: write_pdf_physical,
    RUN_TOGETHER: lambda grid, rng, running: write_run_together(grid, rng),
}


# --- the sample corpus -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sample:
    """One corpus report: how it is written, and why it is in the corpus (its file name says both)."""

    why: str
    layout: Layout
    perturbations: tuple[str, ...] = ()
    encoding: str = "utf-8"
    consistent: bool = True
    blanks: float = 0.0
    edition: str = "2021"

    @property
    def name(self) -> str:
        rule = "-rule" if self.layout.rule else ""
        return f"{self.layout.format}-{self.layout.style}{rule}--{self.why}"


LINEAR, LINES, CELLS, ROWS, MARKDOWN_ROWS, MARKDOWN_RULED, TABS, SPACES, PAGE = LAYOUTS
SAMPLES: tuple[Sample, ...] = (
    Sample("plain", LINEAR),
    Sample("plain", LINES),
    Sample("plain", CELLS),
    Sample("plain", ROWS),
    Sample("split-header", LINEAR, ("split-header", "label-variants")),
    Sample("split-header", ROWS, ("split-header", "spaces")),
    Sample("traditional-pinyin", LINEAR, ("traditional", "pinyin", "full-width")),
    Sample("traditional-toneless", CELLS, ("traditional", "pinyin-toneless", "crlf")),
    Sample("blanks-null-marks", CELLS, ("null-marks", "thousands"), consistent=False, blanks=0.15),
    Sample("stray-cells-prose", LINES, ("stray-cells", "prose", "spaces")),
    Sample("bom-crlf", ROWS, ("bom", "crlf", "thousands", "label-variants")),
    Sample("gb18030", LINEAR, ("prose", "split-header"), encoding="gb18030"),
    Sample("everything", ROWS, PERTURBATION_NAMES, consistent=False, blanks=0.05),
    Sample("plain", MARKDOWN_ROWS),
    Sample("plain", MARKDOWN_RULED),
    Sample("plain", TABS),
    Sample("plain", SPACES),
    Sample("plain", PAGE),
    Sample("split-header-stray-cells", MARKDOWN_RULED, ("split-header", "stray-cells", "label-variants")),
    Sample("blanks-thousands", TABS, ("thousands", "spaces"), consistent=False, blanks=0.15),
    Sample("blanks-as-null-marks", SPACES, ("prose", "full-width"), consistent=False, blanks=0.1),
    Sample("split-header-traditional", PAGE, ("split-header", "traditional", "crlf"), encoding="gb18030"),
    Sample("edition-2019", ROWS, edition="2019"),
    Sample("edition-2019-label-variants", LINEAR, ("label-variants", "thousands"), edition="2019"),
    Sample("edition-2019-blanks", PAGE, ("null-marks", "split-header"), consistent=False, blanks=0.1,
           edition="2019"),
)


def write_corpus(folder: Path) -> list[Path]:
    """Write every sample as ``<name>.txt`` and ``<name>.expected.json`` (from the model). Deterministic."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, sample in enumerate(SAMPLES):
        rng = random.Random(f"govparse-corpus-{number}")
        report = random_report(rng, consistent=sample.consistent, blanks=sample.blanks, edition=sample.edition)
        data = render_bytes(report, sample.layout, sample.perturbations, seed=number, encoding=sample.encoding)
        path = folder / f"{sample.name}.txt"
        path.write_bytes(data)
        expected = report.expected(sample.layout)
        expected["rendered"] = {"layout": sample.layout.name, "perturbations": list(sample.perturbations),
                                "encoding": sample.encoding, "seed": number}
        (folder / f"{sample.name}.expected.json").write_text(dumps(expected, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "corpus":
        print(__doc__.split("Usage::")[0].strip(), file=sys.stderr)
        print("\nusage: python -m govparse.render corpus [FOLDER]", file=sys.stderr)
        return 2
    folder = Path(args[1] if len(args) > 1 else "corpus")
    for path in write_corpus(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
