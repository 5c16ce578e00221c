"""Labels as reports print them (issue 12, part 5): found, and each reported as a variant.

Every kind of difference the lexer accepts has a case taken from a real report or
the issue: an annotation after the label, the caption without its second 第,
words a converter to Taiwan usage swapped, a label printed a character a line,
and a near miss. The properties pin the rules of the near miss: a label with one
character changed is found when it is clearly the closest; a label one edit away
from another never is; an exact label never gives a variant; prose and numbers
never name a label.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govparse.cells import Cell
from govparse.grammar import UNKNOWN, VALUES, load
from govparse.lexer import (ANNOTATION, CAPTION, GROUP_PIECES, NEAR_MISS, TAIWAN_PHRASES, UNIT, Labels, distance, lex,
                            spellings)
from govparse.normalize import compact, translate

from conftest import SHARED

GRAMMARS = ("active_disclosure_2019", "active_disclosure_2021", "applications_2019", "applications_2021",
            "review_litigation")
_LABELS = {name: Labels(load(name)) for name in GRAMMARS}
REAL = SHARED / "reports" / "real"


def _cells(*texts: str) -> list[Cell]:
    """One cell a line, normalized as the pipeline gives cells to the lexer."""
    return [Cell(translate(text), number + 1, 1) for number, text in enumerate(texts)]


def _variants(lexed) -> list[tuple[str, str, str, str]]:
    return [(token.type, printed, statutory, how) for token, printed, statutory, how in lexed.variants]


def test_annotations_after_a_label():
    lexed = lex(_cells("规章(设区的市、自治州人民政府应提供相关数据)", "0", "上一年项目数量(指2019年事项数)",
                       "处理决定数量(指2020年办件量)"), _LABELS["active_disclosure_2019"])
    assert lexed.types == ("REGULATIONS", VALUES, "PREV_ITEMS", "DECISIONS")
    assert _variants(lexed) == [
        ("REGULATIONS", "规章(设区的市、自治州人民政府应提供相关数据)", "规章", ANNOTATION),
        ("PREV_ITEMS", "上一年项目数量(指2019年事项数)", "上一年项目数量", ANNOTATION),
        ("DECISIONS", "处理决定数量(指2020年办件量)", "处理决定数量", ANNOTATION),
    ]
    lexed = lex(_cells("本年收费金额（单位：万元）", "本年收费金额（万元）", "本年收费金额(单位:元)"),
                _LABELS["active_disclosure_2021"])
    assert lexed.types == ("AMOUNT_WAN",) * 3
    # the grammar's own annotation is no variant; another one is, and one naming another unit says so
    assert [(printed, how) for _, printed, _, how in _variants(lexed)] == [
        ("本年收费金额(万元)", ANNOTATION), ("本年收费金额(单位:元)", UNIT)]
    lexed = lex(_cells("本年收费金额", "(单位:", "元)", "5"), _LABELS["active_disclosure_2021"])
    assert [(printed, how) for _, printed, _, how in _variants(lexed)] == [("本年收费金额 (单位: 元)", UNIT)]
    # the trial edition's label allows both units
    lexed = lex(_cells("采购总金额(元)", "采购总金额（单位：万元）"), _LABELS["active_disclosure_2019"])
    assert lexed.types == ("AMOUNT", "AMOUNT")
    assert [how for *_, how in _variants(lexed)] == [ANNOTATION]


def test_a_variant_with_an_annotation_says_both():
    lexed = lex(_cells("第二十条(一)项", "資訊內容（指本年）", "規範性檔案", "(含规范性文件)", "1"),
                _LABELS["active_disclosure_2021"])
    assert lexed.types == ("ITEM_1", "INFO_CONTENT", "NORMATIVE_DOCUMENTS", VALUES)
    assert [how for *_, how in _variants(lexed)] == [
        CAPTION, f"{TAIWAN_PHRASES}+{ANNOTATION}", f"{TAIWAN_PHRASES}+{ANNOTATION}"]


def test_an_annotation_in_cells_of_its_own_belongs_to_the_label():
    lexed = lex(_cells("规章（设区的市、自治州人", "民政府应提供相关数据）", "0", "行政许可", "(单位：", "件)", "5"),
                _LABELS["active_disclosure_2021"])
    assert lexed.types == ("REGULATIONS", VALUES, "LICENSING", VALUES)
    assert [len(token.cells) for token in lexed.tokens] == [2, 1, 3, 1]
    assert [how for *_, how in _variants(lexed)] == [ANNOTATION, ANNOTATION]
    assert not lexed.unmatched


def test_an_annotation_never_closed_or_holding_a_number_stays_out():
    lexed = lex(_cells("行政许可", "(单位", "3", "行政处罚", "(一)", "行政强制"), _LABELS["active_disclosure_2021"])
    assert lexed.types == ("LICENSING", UNKNOWN, VALUES, "PUNISHMENT", "COERCION")  # 3 goes with (单位
    assert [cell.text for cell in lexed.unmatched] == ["(单位"]
    assert lexed.tokens[-1].text == "(一) 行政强制"  # an enumerator, joined to its label
    assert not lexed.variants


def test_a_label_in_brackets_is_not_an_annotation():
    # a markdown conversion's headings: two labels in one cell, left unmatched rather than one swallowed
    # (行政诉讼（未经复议直接起诉）is a form the grammar itself writes: the group with its parent)
    lexed = lex(_cells("行政诉讼(未经复议直接起诉)", "申请人情况 (自然人)", "(自然人)", "行政复议", "(复议后起诉)"),
                _LABELS["review_litigation"])
    assert lexed.types == ("SUIT_DIRECT", UNKNOWN, UNKNOWN, "REVIEW", "SUIT_AFTER_REVIEW")
    assert [cell.text for cell in lexed.unmatched] == ["申请人情况 (自然人)", "(自然人)"]
    lexed = lex(_cells("申请人情况 (自然人)", "申请人情况", "(自然人)"), _LABELS["applications_2021"])
    assert lexed.types == (UNKNOWN, "APPLICANT_INFO", "NATURAL_PERSON")
    assert not lexed.variants


def test_an_enumerator_or_caption_bracket_is_not_an_annotation():
    table = _LABELS["applications_2021"]
    lexed = lex(_cells("三、本年度办理结果", "(一)", "予以公开", "1"), table)
    assert lexed.types == ("RESULTS_GROUP", "GRANTED", VALUES)
    assert not lexed.variants


def test_captions_without_their_second_di():
    lexed = lex(_cells("第二十条(一)项", "第二十条（五）项", "第二十条第 （一） 项", "第二十条", "第（一）项",
                       "第二十条", "(六)项"), _LABELS["active_disclosure_2021"])
    assert lexed.types == ("ITEM_1", "ITEM_5", "ITEM_1", "ITEM_1", "ITEM_6")
    assert _variants(lexed) == [
        ("ITEM_1", "第二十条(一)项", "第二十条第(一)项", CAPTION),
        ("ITEM_5", "第二十条(五)项", "第二十条第(五)项", CAPTION),
        ("ITEM_6", "第二十条 (六)项", "第二十条第(六)项", CAPTION),
    ]
    assert [token.text for token in lexed.joined] == ["第二十条 第(一)项", "第二十条 (六)项"]


def test_words_a_converter_to_taiwan_usage_swapped():
    lexed = lex(_cells("規範性檔案", "1", "行政規範性檔案", "2", "資訊內容"), _LABELS["active_disclosure_2021"])
    assert lexed.types == ("NORMATIVE_DOCUMENTS", VALUES, "NORMATIVE_DOCUMENTS", VALUES, "INFO_CONTENT")
    assert _variants(lexed) == [
        ("NORMATIVE_DOCUMENTS", "规范性档案", "规范性文件", TAIWAN_PHRASES),
        ("NORMATIVE_DOCUMENTS", "行政规范性档案", "规范性文件", TAIWAN_PHRASES),
        ("INFO_CONTENT", "资讯内容", "信息内容", TAIWAN_PHRASES),
    ]
    lexed = lex(_cells("一、本年新收政府資訊公開申請數量", "3", "（四）無法提供", "1．本機關不掌握相關政府資訊", "2"),
                _LABELS["applications_2021"])
    assert lexed.types == ("NEW_RECEIVED", VALUES, "UNABLE_GROUP", "UNABLE_NOT_HELD", VALUES)
    assert [(name, how) for name, _, _, how in _variants(lexed)] == [
        ("NEW_RECEIVED", TAIWAN_PHRASES), ("UNABLE_NOT_HELD", TAIWAN_PHRASES)]


def test_a_label_printed_a_character_a_line():
    # PDF text of a vertical label: a cell per character, its enumerator's 、 alone too
    table = _LABELS["applications_2021"]
    lexed = lex(_cells("三", "、", "本", "年", "度", "办", "理", "结", "果", "（一）予以公开", "1"), table)
    assert lexed.types == ("RESULTS_GROUP", "GRANTED", VALUES)
    assert len(lexed.tokens[0].cells) == 9 and not lexed.variants
    lexed = lex(_cells("（六）其", "他处理", "1、申请人无正当理由逾期不补", "正、行政机关不再处理其政府信", "息公开申请", "67",
                       "3、其他", "108"), table)
    assert lexed.types == ("OTHER_GROUP", "OTHER_NO_CORRECTION", VALUES, "OTHER_MISC", VALUES)
    lexed = lex(_cells("结 果", "维持", "尚 未 审", "结", "总计"), _LABELS["review_litigation"])
    assert lexed.types == ("UPHELD", "PENDING", "TOTAL")


def test_a_row_label_after_pieces_of_the_group_labels_beside_it():
    # pymupdf4llm on a real report's PDF: the label column's lines of one row joined into its cell, the
    # vertical 三、本年度办理结果 and （三）不予公开 cut into the rows they stand beside
    table = _LABELS["applications_2021"]
    lexed = lex(_cells("办（三）不 4.保护第三方合法权益", "6", "理结予公开 5.属于三类内部事务信息", "8"), table)
    assert lexed.types == ("DENIED_THIRD_PARTY", VALUES, "DENIED_INTERNAL_AFFAIRS", VALUES)
    assert [how for *_, how in _variants(lexed)] == [GROUP_PIECES] * 2
    # text before the label that is no piece of a group label, a label that is no row's, or a row label
    # without its enumerator (不属于国家秘密 says the opposite of its row) names nothing
    lexed = lex(_cells("办理中 4.保护第三方合法权益", "6", "（三）不 第二十条第（一）项", "8", "办（三）不予属于国家秘密", "2"),
                table)
    assert lexed.types == (UNKNOWN, VALUES, UNKNOWN, VALUES, UNKNOWN, VALUES)
    # the near-miss property's shrunk case: an enumerator changed into a group piece's character is a near miss
    lexed = lex(_cells("不属于国家秘密", "0"), _LABELS["applications_2019"])
    assert _variants(lexed) == [("DENIED_STATE_SECRET", "不属于国家秘密", "1.属于国家秘密", NEAR_MISS)]


def test_a_bare_comma_does_not_end_or_extend_a_join():
    lexed = lex(_cells("行政规范性文件", "、", "0"), _LABELS["active_disclosure_2021"])
    assert lexed.types == ("NORMATIVE_DOCUMENTS", VALUES)
    assert [token.text for token in lexed.tokens] == ["行政规范性文件", "、 0"]


def test_near_misses_from_reports():
    lexed = lex(_cells("2.其他法律行政止公开", "0", "属于国家秘蜜", "0"), _LABELS["applications_2021"])
    assert lexed.types == ("DENIED_PROHIBITED_BY_LAW", VALUES, "DENIED_STATE_SECRET", VALUES)
    assert _variants(lexed) == [
        ("DENIED_PROHIBITED_BY_LAW", "2.其他法律行政止公开", "2.其他法律行政法规禁止公开", NEAR_MISS),
        ("DENIED_STATE_SECRET", "属于国家秘蜜", "1.属于国家秘密", NEAR_MISS),
    ]


def test_short_labels_and_pieces_of_labels_are_never_near_misses():
    table = _LABELS["applications_2021"]
    # 其他/总计 are one or two edits from other labels; 法提供 is the rest of （四）无 on another line
    lexed = lex(_cells("其它", "总结", "法提供", "(四)无", "其他处", "行政处理"), table)
    assert set(lexed.types) == {UNKNOWN} and not lexed.variants
    review = _LABELS["review_litigation"]
    assert set(lex(_cells("结果维他", "结果纠"), review).types) == {UNKNOWN}
    assert table.near(compact("第二十条第（七）项")) is None
    assert _LABELS["active_disclosure_2021"].near(compact("第二十条第（七）项")) is None


def _statutory(grammar: str) -> list[tuple[str, str]]:
    """(terminal, text) for every label of a grammar as it writes it, patterns spelled out."""
    found = []
    for name, pattern, literal in load(grammar).label_terminals():
        texts = [pattern] if literal else spellings(translate(pattern))
        found.extend((name, text) for text in texts or ())
    return found


@pytest.mark.parametrize("grammar", GRAMMARS)
def test_every_label_as_written_lexes_with_no_variant(grammar):
    for name, text in _statutory(grammar):
        lexed = lex(_cells(text, "1"), _LABELS[grammar])
        assert lexed.types == (name, VALUES), text
        assert not lexed.variants and not lexed.unmatched, text


_ALL = [(grammar, name, text) for grammar in GRAMMARS for name, text in _statutory(grammar)]
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def _reach(grammar: str, name: str, key: str) -> int:
    """The edits a near miss of ``key`` may have: those of the lexer's own table, read back."""
    labels = _LABELS[grammar]
    labels.near("x")  # builds the table
    return max([edits for label, label_name, edits in labels._near if label == key and label_name == name],
               default=0)


@given(st.sampled_from(_ALL), st.data())
def test_a_label_one_edit_off_is_found_when_clearly_closest(case, data):
    grammar, name, text = case
    labels = _LABELS[grammar]
    key = compact(translate(text))
    position = data.draw(st.integers(0, len(key) - 1))
    if data.draw(st.booleans()):
        changed = key[:position] + data.draw(_HAN) + key[position + 1:]
    else:
        assume(0 < position < len(key) - 1)  # a piece of the label is not a near miss (see below)
        changed = key[:position] + key[position + 1:]
    assume(changed != key)
    lexed = lex([Cell(changed, 1, 1), Cell("1", 2, 1)], labels)
    others = {other_name for other_name, other_text in _statutory(grammar)
              if other_name != name and distance(changed, compact(translate(other_text)), 2) <= 2}
    if _reach(grammar, name, key) >= 1 and len(changed) >= 4:
        # clearly closest: every other label is at least two edits further off
        assert lexed.types[0] == name, (text, changed)
        assert not others, (text, changed, others)
        if labels.lookup(changed) is None:
            assert _variants(lexed)[0][1:] == (changed, labels.printed[name], NEAR_MISS)
    else:
        # one edit of a label that is near another, or short, is never taken for a near miss
        assert NEAR_MISS not in [how for *_, how in _variants(lexed)], (text, changed)


@given(st.sampled_from(_ALL), st.sampled_from(["head", "tail"]))
def test_a_piece_of_a_label_is_not_a_near_miss(case, end):
    grammar, name, text = case
    key = compact(translate(text))
    piece = key[1:] if end == "head" else key[:-1]
    lexed = lex([Cell(piece, 1, 1)], _LABELS[grammar])
    assert NEAR_MISS not in [how for *_, how in _variants(lexed)], piece


def test_labels_that_one_edit_brings_near_another_have_no_reach():
    for grammar, names in (("applications_2021", ("OTHER_ORG", "TOTAL", "TOTAL_PROCESSED", "OTHER_MISC")),
                           ("review_litigation", ("UPHELD", "CORRECTED", "TOTAL")),
                           ("active_disclosure_2021", ("ITEM_1", "ITEM_5", "REGULATIONS", "LICENSING"))):
        labels = _LABELS[grammar]
        labels.near("x")
        assert not {label_name for _, label_name, _ in labels._near} & set(names), grammar


_PROSE_SPLIT = re.compile(r"[。；;]")


def _prose() -> list[str]:
    """Sentences of the narrative parts of the real reports (none in a table)."""
    sentences = []
    for path in sorted(REAL.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in _PROSE_SPLIT.split(text) if len(s.strip()) >= 8 and "|" not in s]
    return sentences


@pytest.mark.skipif(not REAL.is_dir(), reason=f"real reports not found at {REAL}")
def test_no_label_matches_a_prose_sentence():
    sentences = _prose()
    assert len(sentences) > 100
    for grammar in GRAMMARS:
        for sentence in sentences:
            lexed = lex([Cell(translate(sentence), 1, 1)], _LABELS[grammar])
            assert lexed.types == (UNKNOWN,), (grammar, sentence)


@given(st.one_of(st.integers(0, 10**9).map(str), st.decimals(0, 10**6, places=2).map(str),
                 st.sampled_from(["—", "-", "/", "无", "0.00", "1,234", "12万", "3件"])))
def test_no_label_matches_a_number(text):
    for grammar in GRAMMARS:
        lexed = lex([Cell(text, 1, 1)], _LABELS[grammar])
        assert set(lexed.types) <= {VALUES, UNKNOWN}  # a value, or text naming nothing (12万)
        assert not lexed.variants


def _space_cells(text: str, start: str, stop: str) -> list[Cell]:
    """The lines after the heading ``start`` up to ``stop``, cut at spaces as PDF text gives a table."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i in range(first, len(lines)) if lines[i].startswith(stop))
    return [Cell(translate(piece), number + 1, 1) for number in range(first + 1, last)
            for piece in lines[number].split()]


@pytest.mark.skipif(not (REAL / "huaian-2024-pdf-text.txt").is_file(), reason="real reports not found")
def test_pdf_text_of_a_real_report():
    text = (REAL / "huaian-2024-pdf-text.txt").read_text(encoding="utf-8")
    lexed = lex(_space_cells(text, "三、收到和处理", "四、政府信息公开行政复议"), _LABELS["applications_2021"])
    rows = [name for name in lexed.types if name != VALUES]
    for name in ("RESULTS_GROUP", "GRANTED", "PARTIALLY_GRANTED", "DENIED_GROUP", "REJECTED_GROUP",
                 "REJECTED_CONFIRMATION", "OTHER_GROUP", "OTHER_NO_CORRECTION", "OTHER_FEE_UNPAID", "OTHER_MISC",
                 "TOTAL_PROCESSED", "CARRIED_FORWARD"):
        assert rows.count(name) == 1, name
    assert rows.index("RESULTS_GROUP") < rows.index("GRANTED")
    lexed = lex(_space_cells(text, "四、政府信息公开行政复议", "五、"), _LABELS["review_litigation"])
    assert [name for name in lexed.types if name != VALUES] == [
        "REVIEW", "LITIGATION", *("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL"),
        "SUIT_DIRECT", "SUIT_AFTER_REVIEW", *("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL") * 2]
    assert not lexed.unmatched
