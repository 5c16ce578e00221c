from govparse.normalize import Document, compact, normalize_line, translate, without_pinyin


def test_full_width_digits_spaces_and_punctuation():
    assert translate("\u3000１２，２５１\u2002（一）") == " 12,251 (一)"


def test_traditional_to_simplified_keeps_length():
    source = "屬於國家秘密 結轉下年度繼續辦理"
    assert translate(source) == "属于国家秘密 结转下年度继续办理"
    assert len(translate(source)) == len(source)


def test_simplified_labels_are_untouched():
    labels = "规章行政规范性文件行政许可行政处罚行政强制行政事业性收费本年制发件数本年废止件数现行有效件数" \
             "自然人商业企业科研机构社会公益组织法律服务机构其他总计予以公开部分公开不予公开属于国家秘密" \
             "其他法律行政法规禁止公开危及三安全一稳定保护第三方合法权益属于三类内部事务信息四类过程性信息" \
             "行政执法案卷行政查询事项无法提供本机关不掌握相关政府信息没有现成信息需要另行制作补正后申请内容仍不明确" \
             "不予处理信访举报投诉类申请重复申请要求提供公开出版物无正当理由大量反复申请要求行政机关确认或重新出具已获取信息" \
             "其他处理申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请申请人逾期未按收费通知要求缴纳费用" \
             "结转下年度继续办理行政复议行政诉讼结果维持结果纠正其他结果尚未审结未经复议直接起诉复议后起诉"
    assert translate(labels) == labels


def test_injected_pinyin_is_stripped_with_a_column_map():
    line = normalize_line("年度報(bào)告 文(wen)章(zhang)", 7)
    assert line.text == "年度报告 文章"
    assert line.number == 7
    # 告 sat at source column 9 (1-based), after the five characters of (bào)
    assert line.source_column(line.text.index("告")) == 9
    assert line.source_column(line.text.index("章")) == 17


def test_parentheses_that_are_not_pinyin_stay():
    assert normalize_line("系统(app)与(以下简称)", 1).text == "系统(app)与(以下简称)"


def test_compact_drops_space_and_punctuation():
    assert compact("（二）部分公开（区分处理的，只计这一情形） ") == "二部分公开区分处理的只计这一情形"
    assert compact("商业 企业") == "商业企业"


def test_document_lines_are_lazy_and_numbered_from_one():
    doc = Document("a\r\n屬於\rc")
    assert len(doc) == 3
    assert not any(doc._done)
    assert doc.line(1).text == "属于" and doc.line(1).number == 2
    assert list(doc._done) == [0, 1, 0]


def test_a_block_loses_its_pinyin_as_its_lines_do_one_by_one():
    raw = ["年度報(bào)告", "", "(一)文(wen)章(zhang)\t12", "无拼音", "文(wen)" + "字" * 20_001 + "(zì)",
           "结(jié)果(guǒ)"]
    doc = Document("\n".join(raw))
    assert doc.texts() == [normalize_line(line, 1).text for line in raw]
    for index, line in enumerate(raw):
        expected = normalize_line(line, 1).columns
        columns = doc.columns(index)
        assert (columns and (columns.length, columns.starts, columns.shifts)) == \
               (expected and (expected.length, expected.starts, expected.shifts))


def test_without_pinyin_is_the_text_normalize_line_gives():
    for line in ("年度報(bào)告", "系统(app)与(以下简称)", "文(wen)章(zhang)", "无"):
        assert without_pinyin(translate(line)) == normalize_line(line, 1).text
