"""Cross-check what the narrative says about applications against table 三.

Section 一 usually restates the application figures in prose: 共收到依申请公开
14件，上年结转0件，当年办结13件，结转下年度1件. When prose and table disagree
(seed 002 says 10 in prose, 0 in the table), one of them is wrong, and a reader
wants to know; the table value is kept and a warning names both.
"""

from __future__ import annotations

import re

import regex

from .diagnostics import Diagnostics
from .normalize import PATTERN_TIMEOUT, Document, normalize_text
from .sections import WHITE_SPACE, Section

_GAP = r"[^,;。，；]{0,12}?"
_COUNT = rf"(\d{{1,7}}){WHITE_SPACE}*(?:件|项|个|条)"  # the number and its unit
# claim, row of table 三 it restates, pattern (the number is group 1)
_CLAIM_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("carried over", "carried_over", rf"上一?年度?结转{_GAP}{_COUNT}"),
    ("carried forward", "carried_forward", rf"结转(?:至|到)?下一?年度?{_GAP}{_COUNT}"),
    ("processed", "total_processed", rf"(?:办结|答复|办理完毕){_GAP}{_COUNT}"),
    ("received", "new_received", rf"(?:收到|接收到|接收|受理|新收|依申请公开){_GAP}{_COUNT}"),
)
# Each pattern twice: the standard re for a sentence short enough to be safe
# without a timeout (all of them in practice), the regex module under the
# timeout for a longer one, which is unbounded input.
_CLAIMS = tuple((claim, row, re.compile(source), regex.compile(source)) for claim, row, source in _CLAIM_SOURCES)
_MAX_SHORT_SENTENCE = 500
_MAX_LINES = 60


def cross_check(doc: Document, sections: dict[str, Section], applications, diagnostics: Diagnostics) -> None:
    """Warn where section 一's application figures differ from table 三's totals."""
    if applications is None:
        return
    overview = sections.get("一")
    if overview is not None:
        start, stop = overview.start, overview.stop
    else:
        start, stop = 0, min((s.heading for s in sections.values()), default=0)
    raw_lines = doc.raw_lines
    found: dict[str, tuple[int, int]] = {}
    for index in [i for i in range(start, min(stop, start + _MAX_LINES))
                  if "申请" in raw_lines[i] or "申請" in raw_lines[i]]:
        # The line's text as the Document normalizes it, not kept: no later stage reads it.
        text = normalize_text(raw_lines[index])
        for sentence in text.replace("；", "。").replace(";", "。").split("。"):
            if "申请" in sentence:
                _find_claims(sentence, doc.number(index), found)
    for claim, row, _, _ in _CLAIMS:
        if row not in found:
            continue
        stated, number = found[row]
        total = getattr(getattr(applications, row), "total")
        if total is not None and total != stated:
            diagnostics.warning(
                "narrative-mismatch",
                f"the narrative says {stated} applications {claim}; table 三 {row}.total is {total}",
                number)


def _find_claims(sentence: str, number: int, found: dict[str, tuple[int, int]]) -> None:
    """Record the first figure of each claim not found yet, blanking each match so
    that a later claim cannot take its words or its number."""
    short = len(sentence) <= _MAX_SHORT_SENTENCE
    for _, row, pattern, long_pattern in _CLAIMS:
        if row in found:
            continue
        match = pattern.search(sentence) if short else long_pattern.search(sentence, timeout=PATTERN_TIMEOUT)
        if match is not None:
            found[row] = (int(match.group(1)), number)
            sentence = sentence[:match.start()] + " " * (match.end() - match.start()) + sentence[match.end():]
