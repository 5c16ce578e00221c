"""Cross-check what the narrative says about applications against table 三.

Section 一 usually restates the application figures in prose: 共收到依申请公开
14件，上年结转0件，当年办结13件，结转下年度1件. When prose and table disagree
(seed 002 says 10 in prose, 0 in the table), one of them is wrong, and a reader
wants to know; the table value is kept and a warning names both.
"""

from __future__ import annotations

import regex

from .diagnostics import Diagnostics
from .normalize import PATTERN_TIMEOUT, Document
from .sections import Section

_GAP = r"[^,;。，；]{0,12}?"
# claim -> (pattern with the number as group 1, row of table 三 it restates)
_CLAIMS: tuple[tuple[str, regex.Pattern, str], ...] = (
    ("carried over", regex.compile(rf"上一?年度?结转{_GAP}(\d{{1,7}})\s*(?:件|项|个|条)"), "carried_over"),
    ("carried forward", regex.compile(rf"结转(?:至|到)?下一?年度?{_GAP}(\d{{1,7}})\s*(?:件|项|个|条)"),
     "carried_forward"),
    ("processed", regex.compile(rf"(?:办结|答复|办理完毕){_GAP}(\d{{1,7}})\s*(?:件|项|个|条)"), "total_processed"),
    ("received", regex.compile(
        rf"(?:收到|接收到|接收|受理|新收|依申请公开){_GAP}(\d{{1,7}})\s*(?:件|项|个|条)"), "new_received"),
)
_MAX_LINES = 60
_SENTENCE_END = regex.compile(r"[。；;]")


def cross_check(doc: Document, sections: dict[str, Section], applications, diagnostics: Diagnostics) -> None:
    """Warn where section 一's application figures differ from table 三's totals."""
    if applications is None:
        return
    overview = sections.get("一")
    if overview is not None:
        start, stop = overview.start, overview.stop
    else:
        start, stop = 0, min((s.heading for s in sections.values()), default=0)
    found: dict[str, tuple[int, int]] = {}
    for index in range(start, min(stop, start + _MAX_LINES)):
        if "申请" not in doc.raw_lines[index] and "申請" not in doc.raw_lines[index]:
            continue
        line = doc.line(index)
        for sentence in _SENTENCE_END.split(line.text, timeout=PATTERN_TIMEOUT):
            if "申请" not in sentence:
                continue
            for claim, pattern, row in _CLAIMS:
                if row in found:
                    continue
                match = pattern.search(sentence, timeout=PATTERN_TIMEOUT)
                if match is not None:
                    found[row] = (int(match.group(1)), line.number)
                    sentence = sentence[:match.start()] + " " * (match.end() - match.start()) + \
                        sentence[match.end():]
    for claim, _, row in _CLAIMS:
        if row not in found:
            continue
        stated, number = found[row]
        total = getattr(getattr(applications, row), "total")
        if total is not None and total != stated:
            diagnostics.warning(
                "narrative-mismatch",
                f"the narrative says {stated} applications {claim}; table 三 {row}.total is {total}",
                number)
