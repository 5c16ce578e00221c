"""Table 三 收到和处理政府信息公开申请情况 → ``applications``.

Columns, in order: natural_person 自然人 · commercial 商业企业 · research 科研机构 ·
social_welfare 社会公益组织 · legal_service 法律服务机构 · other_org 其他 · total 总计
(the middle five sit under 法人或其他组织, which has no column of its own).

Rows (grammars/applications_2021.lark), group rows carry no cells:

- new_received 一、本年新收政府信息公开申请数量
- carried_over 二、上年结转政府信息公开申请数量
- 三、本年度办理结果: granted （一）予以公开 · partially_granted （二）部分公开（区分处理的，只计这一情形，不计其他情形）
- （三）不予公开: denied_state_secret 1.属于国家秘密 · denied_prohibited_by_law 2.其他法律行政法规禁止公开 ·
  denied_security_stability 3.危及“三安全一稳定” · denied_third_party 4.保护第三方合法权益 ·
  denied_internal_affairs 5.属于三类内部事务信息 · denied_process_info 6.属于四类过程性信息 ·
  denied_enforcement_file 7.属于行政执法案卷 · denied_admin_query 8.属于行政查询事项
- （四）无法提供: unable_not_held · unable_needs_creation · unable_unclear
- （五）不予处理: rejected_petition · rejected_duplicate · rejected_publication · rejected_excessive ·
  rejected_confirmation
- （六）其他处理: other_no_correction · other_fee_unpaid · other_misc (2021 edition);
  the 2019 trial edition has the single row other （六）其他处理 (grammars/applications_2019.lark)
- total_processed （七）总计
- carried_forward 四、结转下年度继续办理

Some reports give 法人或其他组织 a subtotal column of its own: eight numbers a row,
the subtotal after 自然人 or after 其他. It is told by the identity it must meet
(the sum of the five), checked in every row, and kept out of the statutory keys.

Example::

    一、本年新收政府信息公开申请数量 | 14 | 0 | 0 | 0 | 0 | 0 | 14 |

gives ``{"new_received": {"natural_person": 14, "commercial": 0, …, "total": 14}, …}``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..digits import Constraint, choose_rows, row_sum
from ..grammar import VALUES, TableGrammar
from ..lexer import TableToken
from ..model import Applications, Applications2019, outcome_rows, rows_of
from ..rows import Events, Glue, Placed, Printed, fit_cells, glued_cells
from ..transform import BuildContext
from ..values import Kind, read_value
from . import read_rows

KEY = "applications"
SECTION = "三"
GRAMMARS = {"2019": "applications_2019", "2021": "applications_2021"}
MODELS = {"2019": Applications2019, "2021": Applications}

# Header labels that stand over several columns, and the columns under them.
SPANS: dict[str, tuple[str, ...]] = {"LEGAL_PERSON": ("commercial", "research", "social_welfare", "legal_service", "other_org")}


def read(ctx: BuildContext, tokens: Sequence[TableToken], grammar: TableGrammar, model: type) -> Applications | Applications2019:
    return read_rows(ctx, tokens, grammar, model, SPANS, without_subtotal, ROW_IDENTITY, settle_across_rows)


# I1 binds each row: the total is the sum of the six applicant columns.
ROW_IDENTITY = ("I1", lambda key, width: (row_sum(width),))


def settle_across_rows(placed: dict[str, Placed], glue: Glue, events: Events, model: type) -> None:
    """Rows whose glued digits split several ways under I1, decided together by I2 (the
    outcome rows sum to total_processed) and S1 (received and carried over equal processed
    and carried forward), column by column: only when one choice of splits meets them all."""
    keys = [key for key, _ in rows_of(model)]
    at = {key: position for position, key in enumerate(keys)}
    blank = (None,) * _WIDTH
    options: list = []
    for key in keys:
        if key in glue.pending:
            split = glue.pending[key][1]
            options.append(split.options if split.exhaustive and split.options else [blank])
        else:
            found = placed.get(key)
            options.append([_counts(found.cells) if found is not None and found.cells is not None else blank])
    outcomes = outcome_rows(model)
    constraints = [Constraint(plus=(at["total_processed"] * _WIDTH + c,),
                              minus=tuple(at[key] * _WIDTH + c for key in outcomes)) for c in range(_WIDTH)]
    constraints += [Constraint(plus=(at["new_received"] * _WIDTH + c, at["carried_over"] * _WIDTH + c),
                               minus=(at["total_processed"] * _WIDTH + c, at["carried_forward"] * _WIDTH + c))
                    for c in range(_WIDTH)]
    choice = choose_rows(options, _WIDTH, constraints)
    if choice.rows is None:
        return
    for key in list(glue.pending):
        values = choice.rows[at[key]]
        if None in values:
            continue
        printed, split = glue.pending.pop(key)
        assert printed.values is not None
        placed[key] = Placed(key, printed.label, glued_cells(printed.values, values))
        events.add("warning", "split-by-identity", f"row {key}: {split.run!r} split as "
                   f"{'|'.join(map(str, values))}: of its {len(split.options)} splits that meet I1, the one that "
                   "with the other rows meets I2 and S1 (were they broken in the report, these numbers would be "
                   "wrong)", printed.values.line, row=key)


def _counts(cells) -> tuple:
    values = [read_value(cell.text) for cell in cells]
    return tuple(int(v.number) if v.kind is Kind.NUMBER and v.number is not None
                 and v.number == v.number.to_integral_value() else None for v in values)


_WIDTH = 7  # applicant columns, total included
_SUBTOTAL_AT = (1, 6)  # where a subtotal of the five may stand in a row of eight


def without_subtotal(rows: list[Printed], events: Events) -> list[Printed]:
    """Rows of eight numbers with the 法人或其他组织 subtotal taken out, where most rows have eight."""
    if not any(row.values is not None and len(row.values.cells) > _WIDTH for row in rows):
        return rows
    wide = [row for row in rows if row.values is not None and fit_cells(row.values.cells, _WIDTH, row.room) is None
            and _numbers(fit_cells(row.values.cells, _WIDTH + 1, row.room) or ()) is not None]
    with_values = [row for row in rows if row.values is not None]
    if not wide or len(wide) * 2 < len(with_values):
        return rows
    numbers = {id(row): _numbers(fit_cells(row.values.cells, _WIDTH + 1, row.room)) for row in wide
               if row.values is not None}
    places = [at for at in _SUBTOTAL_AT
              if all(found is None or found[at] == _five(found, at) for found in numbers.values())]
    line = wide[0].label.line
    if len(places) == 1:
        events.add("info", "subtotal-column", f"rows of eight numbers: column {places[0] + 1} is the subtotal of "
                   "法人或其他组织 (it equals the sum of the five in every row); kept out of the table", line)
    elif not places:
        events.add("error", "subtotal-column", "rows of eight numbers, but no column is the sum of the five "
                   "法人或其他组织 columns in every row; those rows are null", line)
    out = []
    chosen = set(numbers)
    for row in rows:
        if id(row) in chosen:
            row = _narrowed(row, places, numbers[id(row)], events)
        out.append(row)
    return out


def _narrowed(row: Printed, places: list[int], found: list | None, events: Events) -> Printed:
    assert row.values is not None
    cells = fit_cells(row.values.cells, _WIDTH + 1, row.room)
    assert cells is not None
    readings = {tuple(c.text for i, c in enumerate(cells) if i != at) for at in places}
    if len(readings) != 1:
        reason = "no column is the subtotal" if not places else "the subtotal could stand after 自然人 or after 其他"
        events.add("error", "subtotal-column", f"row {row.key}: eight numbers and {reason}; its cells are null",
                   cells[0].line, row=row.key)
        return row._replace(unreadable=True)
    at = places[0] if places else 0
    return row._replace(values=TableToken(VALUES, tuple(c for i, c in enumerate(cells) if i != at)), room=0)


def _numbers(cells) -> list | None:
    values = [read_value(cell.text) for cell in cells]
    if not values or any(value.kind is not Kind.NUMBER for value in values):
        return None
    return [value.number for value in values]


def _five(found: list, at: int) -> object:
    start = 2 if at == 1 else 1
    return sum(found[start:start + 5])
