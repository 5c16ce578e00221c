"""Report metadata: title, agency, year and publication date, when the text has them.

- title: the first line before section 一 that names a 政府信息公开…年度报告;
- agency and year: from the title (``X县人民政府2023年政府信息公开工作年度报告``,
  or the year first); without a title, the agency from the closing signature
  and the year most often written in section 一;
- published: a 发布时间 / 时间 / 日期 line near the top, else the signature date.

A title (at most 80 characters) and the closing lines are short, so their
patterns are standard ``re``, cheap and safe there. A line near the top may be
a whole paragraph: it gets the ``regex`` module under the timeout unless it is
short too, and section 一 is searched for years in one timed call.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import regex

from .normalize import PATTERN_TIMEOUT, Document, normalize_text
from .sections import WHITE_SPACE as _S
from .sections import Section

_TITLE_WORDS = re.compile(r"(?:政府信息公开|政务公开|信息公开).{0,8}年度?报告")
_AGENCY_FIRST = re.compile(
    rf"^(?P<agency>.+?){_S}*(?P<year>(?:19|20)\d\d){_S}*年{_S}*度?{_S}*(?:政府信息公开|政务公开|信息公开)")
_YEAR_FIRST = re.compile(
    rf"^(?P<year>(?:19|20)\d\d){_S}*年{_S}*度?{_S}*(?P<agency>.+?){_S}*(?:政府信息公开|政务公开|信息公开)")
_DATE_SOURCE = rf"((?:19|20)\d\d){_S}*(?:年|-|/|\.){_S}*(\d{{1,2}}){_S}*(?:月|-|/|\.){_S}*(\d{{1,2}})"
_PUBLISHED_SOURCE = rf"(?:发布时间|发布日期|时间|日期){_S}*[:：]?{_S}*"
_DATE = re.compile(_DATE_SOURCE)
_PUBLISHED = re.compile(_PUBLISHED_SOURCE)
_LONG_DATE = regex.compile(_DATE_SOURCE)
_LONG_PUBLISHED = regex.compile(_PUBLISHED_SOURCE)
_YEAR = regex.compile(r"((?:19|20)\d\d)年")
_AGENCY_SUFFIX = re.compile(
    r"(?:人民政府|办公室|办公厅|办事处|委员会|局|厅|委|院|中心|街道|管委会|政府|镇|乡|县|市|区)$")
# What a converter or a page puts before a title: markdown marks (# heading, > quote, ** bold) and a
# crawler's field name (标题: …); and after it: the closing marks.
_TITLE_LEAD = re.compile(rf"^(?:(?:[#>*]|{_S})+|(?:文章)?(?:标题|题目|名称){_S}*[:：]{_S}*)+")
_TITLE_TAIL = re.compile(rf"(?:[#*]|{_S})+$")
# White space beside a CJK character: PDF text and converters space a year from the words around it
# (南山乡人民政府 2025 年政府…), which Chinese text does not; spaces between Latin words stay.
_CJK_SPACE = re.compile(rf"(?<=[\u3000-\u9fff\uff00-\uffef]){_S}+|{_S}+(?=[\u3000-\u9fff\uff00-\uffef])")
# A page's publisher field near the top (来源：X  发布时间：…), the agency when neither title nor signature names it.
_SOURCE_FIELD = re.compile(rf"(?:发布机构|来源){_S}*[:：]{_S}*([^\s:：]{{2,40}})")
# What the lazy agency group takes from a title with no agency (2024年政府信息公开…): the start of the words.
_NOT_AGENCIES = frozenset({"政府", "政务"})
_HEAD_LINES = 20
_TAIL_LINES = 12
_MAX_TITLE_CHARS = 80
_MAX_SHORT_LINE = 500  # a line the standard re may search without a timeout
_MAX_SIGNATURE_CHARS = 60


@dataclass(frozen=True, slots=True)
class Meta:
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    published: str | None = None  # ISO date

    def __reduce__(self) -> tuple:
        return Meta, (self.title, self.agency, self.year, self.published)  # see govparse.cells.Cell

    def to_dict(self) -> dict:
        return {"title": self.title, "agency": self.agency, "year": self.year, "published": self.published}


def _iso(match: re.Match | regex.Match) -> str | None:
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_meta(doc: Document, sections: dict[str, Section]) -> Meta:
    first = min((s.heading for s in sections.values()), default=min(len(doc), _HEAD_LINES))
    title = agency = published = None
    year = None
    # Line by line, so that the lines after the title and the date (often a long
    # preamble) are never normalized; a blank line holds neither. Each line is
    # normalized as the Document would, text only and not kept: no later stage reads it.
    fields: list[str] = []  # lines with a 来源 / 发布机构 field, read only where nothing else names the agency
    above = ""  # the line above the title: the agency of a title printed on two lines
    for raw in doc.raw_lines[:min(first, _HEAD_LINES)]:
        if title is not None and published is not None:
            break
        if not raw or raw.isspace():
            continue
        text = normalize_text(raw).strip()
        if title is None and "报告" in text and len(text) <= _MAX_TITLE_CHARS and _TITLE_WORDS.search(text):
            title = _clean_title(text)
        elif title is None:
            above = text
        if ("来源" in text or "发布机构" in text) and len(text) <= _MAX_SHORT_LINE:
            fields.append(text)
        if published is None and ("时间" in text or "日期" in text):
            published = _published(text)
    if title is not None:
        title, agency, year = _from_title(title, above)
    if agency is None or published is None:
        signer, signed = _signature(doc)
        agency = agency if agency is not None else signer if signer is not None else _source(fields)
        published = published if published is not None else signed
    if year is None:
        year = _common_year(doc, sections.get("一"))
    return Meta(title, agency, year, published)


def _clean_title(text: str) -> str:
    """``text`` (stripped) without the marks around a title and the spaces beside its CJK words; each
    pattern run only where the text can hold what it takes (most titles hold none of it)."""
    title = _TITLE_LEAD.sub("", text)
    if title.endswith(("#", "*")):  # stripped: only a closing mark can end it
        title = _TITLE_TAIL.sub("", title)
    if len(title.split(None, 1)) > 1:  # white space inside it
        title = _CJK_SPACE.sub("", title)
    return title


def _from_title(title: str, above: str) -> tuple[str, str | None, int | None]:
    """(title, agency, year): the agency before or after the year; a title that starts with its year
    and names no agency takes the line above when that line is an agency's name (淮安市人民政府 /
    2024年政府信息公开工作年度报告, as PDF text prints a title set on two lines)."""
    match = _AGENCY_FIRST.search(title) or _YEAR_FIRST.search(title)
    if match is None:
        return title, None, None
    agency: str | None = match.group("agency").strip(" :：")
    if not agency or agency in _NOT_AGENCIES:
        agency = None
        above = _TITLE_LEAD.sub("", above)
        if len(above) <= _MAX_SIGNATURE_CHARS and _AGENCY_SUFFIX.search(above) and not _DATE.search(above):
            agency = above
            title = above + title
    return title, agency, int(match.group("year"))


def _source(texts: list[str]) -> str | None:
    """The agency the first 发布机构 / 来源 field of ``texts`` that names an agency names."""
    for text in texts:
        field = _SOURCE_FIELD.search(text)
        name = field.group(1) if field is not None else ""
        if _AGENCY_SUFFIX.search(name):
            return name
    return None


def _published(text: str) -> str | None:
    """The ISO date right after the first 发布时间 / 时间 / 日期 marker of ``text``."""
    if len(text) <= _MAX_SHORT_LINE:
        marker = _PUBLISHED.search(text)
        date = _DATE.search(text, marker.end()) if marker is not None else None
    else:
        marker = _LONG_PUBLISHED.search(text, timeout=PATTERN_TIMEOUT)
        date = _LONG_DATE.search(text, marker.end(), timeout=PATTERN_TIMEOUT) if marker is not None else None
    if date is None or marker is None or date.start() - marker.end() > 2:
        return None
    return _iso(date)


def _signature(doc: Document) -> tuple[str | None, str | None]:
    """(agency, ISO date) from the closing lines: an agency name above a date."""
    tail = [i for i in range(max(0, len(doc) - _TAIL_LINES), len(doc)) if doc.raw_lines[i].strip()]
    for position in range(len(tail) - 1, 0, -1):
        if len(doc.raw_lines[tail[position]]) > _MAX_SIGNATURE_CHARS:
            continue  # prose, not a date line
        text = doc.line(tail[position]).text.strip()
        date = _DATE.match(text)
        if date is None or text[date.end():].strip() not in ("", "日"):
            continue
        above = doc.line(tail[position - 1]).text.strip()
        agency = above if len(above) <= 40 and _AGENCY_SUFFIX.search(above) else None
        return agency, _iso(date)
    return None, None


def _common_year(doc: Document, section: Section | None) -> int | None:
    if section is None:
        return None
    # The lines joined: one timed search instead of one per line (no year spans a line break).
    text = "\n".join(doc.texts(section.start, min(section.stop, section.start + 40)))
    years = Counter(int(y) for y in _YEAR.findall(text, timeout=PATTERN_TIMEOUT))
    if not years:
        return None
    return years.most_common(1)[0][0]
