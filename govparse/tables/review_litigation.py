"""Table 四 政府信息公开行政复议、行政诉讼情况 → ``review_litigation``.

One row of fifteen numbers under a two-level header (grammars/review_litigation.lark):

===================  ===========================  ==========================================
group key            label                        columns
===================  ===========================  ==========================================
review               行政复议                      upheld 结果维持 · corrected 结果纠正 ·
                                                  other 其他结果 · pending 尚未审结 · total 总计
suit_direct          行政诉讼 / 未经复议直接起诉     same five
suit_after_review    行政诉讼 / 复议后起诉          same five
===================  ===========================  ==========================================

The header is often damaged in scrapes (a 总计 missing, 结果 / 维持 in two cells);
the fixed column order, not the header, places the numbers.

Example::

    13 | 1 | 4 | 5 | 23 | 0 | 0 | 0 | 0 | 0 | 8 | 0 | 5 | 3 | 16 |

gives ``{"review": {"upheld": 13, "corrected": 1, "other": 4, "pending": 5, "total": 23}, …}``.
"""

from __future__ import annotations

from functools import lru_cache

from ..grammar import Plan
from ..model import ReviewLitigation, columns_of, rows_of, table_constructor
from ..transform import BuildContext, RowPlan, row_values

KEY = "review_litigation"
SECTION = "四"
GRAMMARS = {"2019": "review_litigation", "2021": "review_litigation"}
MODELS = {"2019": ReviewLitigation, "2021": ReviewLitigation}


def build(ctx: BuildContext, plan: Plan, model: type = ReviewLitigation) -> ReviewLitigation:
    outcomes = _outcomes(ctx.table)
    row = plan.rows.get("outcomes")
    if row is None or row.values is None:
        ctx.diagnostics.warning("empty-row", f"{ctx.table}: no numbers under the header; its cells are null",
                                ctx.line)
        return outcomes.empty()
    values = ctx.tokens[row.values]
    return outcomes.make(row_values(ctx, outcomes, values.cells, values))


@lru_cache(maxsize=None)
def _outcomes(table: str) -> RowPlan:
    """The fifteen numbers as one row: named group by group in diagnostics (review.upheld …),
    recorded under their group in ``sources`` (review_litigation, review, upheld)."""
    groups = rows_of(ReviewLitigation)
    columns = [(f"{group}.{column}", kind) for group, cls in groups for column, kind in columns_of(cls)]
    sources = [(table, group, column) for group, cls in groups for column, _ in columns_of(cls)]
    return RowPlan.of("outcomes", columns, sources, table_constructor(ReviewLitigation))
