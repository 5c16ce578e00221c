"""Write ``python-docx--word-merged.txt``: a report whose tables 二, 三 and 四 are Word tables
with merged cells made the way Word makes them (horizontal spans, vertical merges), built with
python-docx and read back the way users write tables out (``"\\t".join(c.text for c in row.cells)``).

Table 三's 总计 column spans two grid columns in every row; its group labels (（三）不予公开)
are merged down their rows, and rows without a group label span both label columns. Values are
chosen with equal neighbours (0 0, a total equal to the value before it) to show which runs
are one merged cell and which are two cells.

Run: ``python tests/data/readers/make_word_merged.py OUT_DIR`` (needs python-docx 1.2.0, in a
scratch venv: it is no project dependency).
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.table import Table

HERE = Path(__file__).resolve().parent

ACTIVE = [("规章", ["2", "0", "2"]), ("行政规范性文件", ["0", "0", "7"])]
SINGLE = [("第二十条第（五）项", "本年处理决定数量", [("行政许可", "5")]),
          ("第二十条第（六）项", "本年处理决定数量", [("行政处罚", "0"), ("行政强制", "0")]),
          ("第二十条第（八）项", "本年收费金额（单位：万元）", [("行政事业性收费", "0")])]
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# (group label or None, row label, seven values)
ROWS = [
    (None, "一、本年新收政府信息公开申请数量", ["3", "0", "0", "0", "0", "3", "6"]),
    (None, "二、上年结转政府信息公开申请数量", ["0", "0", "0", "0", "0", "1", "1"]),
    ("三、本年度办理结果", "（一）予以公开", ["2", "0", "0", "0", "0", "2", "4"]),
    ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["0", "0", "0", "0", "0", "0", "0"]),
    ("（三）不予公开", "1．属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
    ("（三）不予公开", "2．其他法律行政法规禁止公开", ["1", "0", "0", "0", "0", "0", "1"]),
    ("（七）", "（七）总计", ["3", "0", "0", "0", "0", "2", "5"]),
    (None, "四、结转下年度继续办理", ["0", "0", "0", "0", "0", "2", "2"]),
]
REVIEW = ["0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]


def build(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=0, cols=4)
    caption = table.add_row().cells
    caption[0].merge(caption[3]).text = "第二十条第（一）项"
    for text, cell in zip(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], table.add_row().cells):
        cell.text = text
    for label, values in ACTIVE:
        for text, cell in zip([label, *values], table.add_row().cells):
            cell.text = text
    for item, column, rows in SINGLE:
        caption = table.add_row().cells
        caption[0].merge(caption[3]).text = item
        header = table.add_row().cells
        header[0].text = "信息内容"
        header[1].merge(header[3]).text = column
        for label, value in rows:
            row = table.add_row().cells
            row[0].text = label
            row[1].merge(row[3]).text = value
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=0, cols=10)  # 2 label columns, 6 applicants, 总计 over 2
    top, middle, bottom = table.add_row().cells, table.add_row().cells, table.add_row().cells
    top[0].merge(bottom[1]).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    top[2].merge(top[9]).text = "申请人情况"
    middle[2].merge(bottom[2]).text = "自然人"
    middle[3].merge(middle[7]).text = "法人或其他组织"
    middle[8].merge(bottom[9]).text = "总计"
    for text, cell in zip(APPLICANTS[1:6], bottom[3:8]):
        cell.text = text
    group_start = None
    for index, (group, label, values) in enumerate(ROWS):
        cells = table.add_row().cells
        if group is None or group == label[:len(group)]:
            cells[0].merge(cells[1]).text = label
        else:
            cells[1].text = label
            if index and ROWS[index - 1][0] == group:
                group_start.merge(cells[0])
            else:
                group_start = cells[0]
                cells[0].text = group
        for text, cell in zip(values[:6], cells[2:8]):
            cell.text = text
        cells[8].merge(cells[9]).text = values[6]
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=0, cols=15)
    top, middle, bottom = table.add_row().cells, table.add_row().cells, table.add_row().cells
    top[0].merge(middle[4]).text = "行政复议"
    top[5].merge(top[14]).text = "行政诉讼"
    middle[5].merge(middle[9]).text = "未经复议直接起诉"
    middle[10].merge(middle[14]).text = "复议后起诉"
    for index, cell in enumerate(bottom):
        cell.text = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"][index % 5]
    for text, cell in zip(REVIEW, table.add_row().cells):
        cell.text = text
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.save(str(path))


def text_of(path: Path) -> str:
    """Paragraphs as lines, a table row as its ``row.cells`` texts joined by tabs."""
    lines: list[str] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            lines += ["\t".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    build(out / "word-merged.docx")
    (HERE / "python-docx--word-merged.txt").write_text(text_of(out / "word-merged.docx"), encoding="utf-8")
