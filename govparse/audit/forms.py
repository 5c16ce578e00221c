"""The three tables in statutory form, as rows of cells for the audit page to fill in.

A form is a list of rows; a row a list of cells, each one of
``{"h": text, "span": n}`` (a header), ``{"l": text, "span": n}`` (a row label) or
``{"v": "table.row.column"}`` (a value). The page draws every report's tables from
the form of its edition and the report's values, so the forms travel once per page.
"""

from __future__ import annotations

from ..model import (
    APPLICANT_COLUMNS,
    ActiveDisclosure,
    ActiveDisclosure2019,
    Applications,
    Applications2019,
    ReviewLitigation,
    columns_of,
    rows_of,
)
from ..render import APPLICATION_LABELS, OUTCOME_HEADERS

Cell = dict[str, object]

_ACTIVE_2021 = (
    ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
     (("规章", "regulations"), ("行政规范性文件", "normative_documents"))),
    ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", "licensing"),)),
    ("第二十条第（六）项", ("本年处理决定数量",), (("行政处罚", "punishment"), ("行政强制", "coercion"))),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), (("行政事业性收费", "fees"),)),
)
_ITEMS_2019 = ("上一年项目数量", "本年增/减", "处理决定数量")
_ACTIVE_2019 = (
    ("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
     (("规章", "regulations"), ("规范性文件", "normative_documents"))),
    ("第二十条第（五）项", _ITEMS_2019, (("行政许可", "licensing"), ("其他对外管理服务事项", "other_services"))),
    ("第二十条第（六）项", _ITEMS_2019, (("行政处罚", "punishment"), ("行政强制", "coercion"))),
    ("第二十条第（八）项", _ITEMS_2019[:2], (("行政事业性收费", "fees"),)),
    ("第二十条第（九）项", ("采购项目数量", "采购总金额"), (("政府集中采购", "procurement"),)),
)
_APPLICANT_HEADERS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


def _active_form(blocks, table_class: type) -> list[list[Cell]]:
    row_classes = dict(rows_of(table_class))
    width = 1 + max(len(columns) for _, columns, _ in blocks)
    form: list[list[Cell]] = []
    for item, columns, body in blocks:
        form.append([{"h": item, "span": width}])
        form.append([{"h": "信息内容"}, *({"h": c} for c in columns)])
        for label, row in body:
            keys = [key for key, _ in columns_of(row_classes[row])]
            form.append([{"l": label}, *({"v": f"active_disclosure.{row}.{key}"} for key in keys)])
    return form


def _applications_form(table_class: type) -> list[list[Cell]]:
    form: list[list[Cell]] = [
        [{"h": "申请人情况"}, {"h": "自然人"}, {"h": "法人或其他组织", "span": 5}, {"h": "总计"}],
        [{"h": ""}, {"h": ""}, *({"h": h} for h in _APPLICANT_HEADERS[1:-1]), {"h": ""}],
    ]
    for row, _ in rows_of(table_class):
        *groups, label = APPLICATION_LABELS[row]
        for group in groups:
            form.append([{"l": group, "span": 8}])
        form.append([{"l": label}, *({"v": f"applications.{row}.{c}"} for c in APPLICANT_COLUMNS)])
    return form


def _review_form() -> list[list[Cell]]:
    groups = [key for key, _ in rows_of(ReviewLitigation)]
    columns = [key for key, _ in columns_of(dict(rows_of(ReviewLitigation))[groups[0]])]
    return [
        [{"h": "行政复议", "span": 5}, {"h": "行政诉讼", "span": 10}],
        [{"h": "", "span": 5}, {"h": "未经复议直接起诉", "span": 5}, {"h": "复议后起诉", "span": 5}],
        [{"h": h} for h in OUTCOME_HEADERS * 3],
        [{"v": f"review_litigation.{group}.{column}"} for group in groups for column in columns],
    ]


FORMS: dict[str, list[list[Cell]]] = {
    "active_disclosure:2021": _active_form(_ACTIVE_2021, ActiveDisclosure),
    "active_disclosure:2019": _active_form(_ACTIVE_2019, ActiveDisclosure2019),
    "applications:2021": _applications_form(Applications),
    "applications:2019": _applications_form(Applications2019),
    "review_litigation:2021": _review_form(),
    "review_litigation:2019": _review_form(),
}
TITLES = {"active_disclosure": "二、主动公开政府信息情况", "applications": "三、收到和处理政府信息公开申请情况",
          "review_litigation": "四、政府信息公开行政复议、行政诉讼情况"}


def form_edition(table: str, rows: dict | None, edition: str | None) -> str:
    """The form to draw ``table`` in: the report's edition, else the one its row keys belong to."""
    if rows:
        if table == "active_disclosure":
            return "2019" if "procurement" in rows or "other_services" in rows else "2021"
        if table == "applications":
            return "2019" if "other" in rows else "2021"
    return edition if edition in ("2019", "2021") else "2021"
