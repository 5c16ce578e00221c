from govparse.normalize import Document
from govparse.sections import heading_numeral, locate_sections

REPORT = """某县2023年政府信息公开工作年度报告
一、总体情况
二是加强主动公开。
二、主动公开政府信息情况
规章
三、收到和处理政府信息公开申请情况
三、本年度办理结果
四、结转下年度继续办理
0
四、政府信息公开行政复议、行政诉讼情况
0
五、存在的主要问题及改进情况
六、其他需要报告的事项
"""


def test_headings_need_their_subject():
    assert heading_numeral("二、主动公开政府信息情况") == "二"
    assert heading_numeral("  一、   总体情况  ") == "一"
    assert heading_numeral("四、结转下年度继续办理") is None
    assert heading_numeral("三、本年度办理结果") is None
    assert heading_numeral("二是加强主动公开。") is None


def test_sections_and_their_bodies():
    sections, headings = locate_sections(Document(REPORT))
    assert [numeral for numeral, _ in headings] == list("一二三四五六")
    assert sections["三"].heading == 5
    # the 四、结转 row stays inside section 三
    assert (sections["三"].start, sections["三"].stop) == (6, 9)
    assert sections["四"].line_range == (11, 11)


def test_repeated_heading_closes_the_section_before_it():
    sections, headings = locate_sections(Document("二、主动公开政府信息情况\na\n二、主动公开政府信息情况\nb\n"))
    assert len(headings) == 2
    assert (sections["二"].start, sections["二"].stop) == (1, 2)


def test_heading_with_pinyin_after_its_numeral():
    sections, _ = locate_sections(Document("二(èr)、主動(dòng)公開政府信息情況\n規章\n"))
    assert sections["二"].start == 1


def test_subject_marks_are_safe_to_look_for_in_raw_lines():
    from govparse.normalize import translate
    from govparse.sections import _SUBJECT_MARKS, SUBJECTS

    for numeral, words in SUBJECTS.items():
        assert all(any(mark in word for mark in _SUBJECT_MARKS[numeral]) for word in words), numeral
    # No other character normalizes to a mark, so a raw line without one holds no subject.
    marks = "".join(_SUBJECT_MARKS.values())
    chars = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    made = {src for src, dst in zip(chars, translate(chars)) if dst in marks}
    assert made == set(marks)


def test_indentation_is_white_space_as_the_regex_module_reads_it():
    for indent in (" ", "\u3000", "\xa0", "\t"):
        assert locate_sections(Document(indent + "二、主动公开政府信息情况"))[1] == [("二", 0)]
    for indent in ("\x1c", "\u200b"):  # str.isspace takes \x1c, the regex module's \s does not
        assert locate_sections(Document(indent + "二、主动公开政府信息情况"))[1] == []
    assert heading_numeral("二\x1c主动公开") is None


def test_pinyin_inside_the_subject_or_after_the_numeral():
    text = "一(yī)、总体情况\n二、主动(dòng)公开\n三(注)、收到和处理政府信息公开申请情况\n"
    assert locate_sections(Document(text))[1] == [("一", 0), ("二", 1)]


def test_the_same_line_reads_the_same_every_time():
    text = "四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n"
    for _ in range(2):
        assert locate_sections(Document(text))[1] == [("四", 1)]


def test_a_section_compares_and_prints_as_its_fields():
    import pickle

    from govparse.sections import Section

    section = Section("三", 5, 6, 40)
    assert section == Section("三", 5, 6, 40) and section != Section("三", 5, 6, 41)
    assert hash(section) == hash(Section("三", 5, 6, 40))
    assert repr(section) == "Section(numeral='三', heading=5, start=6, stop=40)"
    assert pickle.loads(pickle.dumps(section)) == section
