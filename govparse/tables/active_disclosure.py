"""Table 二 主动公开政府信息情况 → ``active_disclosure``.

2021 edition (grammars/active_disclosure_2021.lark), blocks 第二十条第（一）/（五）/（六）/（八）项:

======================  ====================  =======================================
row key                 label                 columns
======================  ====================  =======================================
regulations             规章                  issued 本年制发件数, repealed 本年废止件数,
                                              in_force 现行有效件数
normative_documents     行政规范性文件         same three (also printed 规范性文件)
licensing               行政许可              decisions 本年处理决定数量
punishment              行政处罚              decisions
coercion                行政强制              decisions
fees                    行政事业性收费         amount_wan 本年收费金额（单位：万元）, Decimal
======================  ====================  =======================================

Example::

    第二十条第（一）项 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    规章 | 0 | 0 | 0 |
    …
    行政事业性收费 | 2389.27441 |

gives ``{"regulations": {"issued": 0, "repealed": 0, "in_force": 0}, …,
"fees": {"amount_wan": Decimal("2389.27441")}}``.

2019 trial edition (grammars/active_disclosure_2019.lark), blocks （一）/（五）/（六）/（八）/（九）:

======================  ======================  =====================================
row key                 label                   columns
======================  ======================  =====================================
regulations             规章                    made 本年新制作数量, published 本年新公开数量,
normative_documents     规范性文件               total_published 对外公开总数量
licensing               行政许可                 prev_items 上一年项目数量, delta 本年增/减
other_services          其他对外管理服务事项       (signed: +3, -8, 减4), decisions 处理决定数量
punishment, coercion    行政处罚, 行政强制        same three
fees                    行政事业性收费            prev_items, delta
procurement             政府集中采购              projects 采购项目数量, amount 采购总金额 (Decimal)
======================  ======================  =====================================
"""

from __future__ import annotations

from collections.abc import Sequence

from ..grammar import TableGrammar
from ..lexer import TableToken
from ..model import ActiveDisclosure, ActiveDisclosure2019
from ..transform import BuildContext
from . import read_rows

KEY = "active_disclosure"
SECTION = "二"
GRAMMARS = {"2019": "active_disclosure_2019", "2021": "active_disclosure_2021"}
MODELS = {"2019": ActiveDisclosure2019, "2021": ActiveDisclosure}

# Header labels that stand over several columns, and the columns under them.
SPANS: dict[str, tuple[str, ...]] = {}


def read(ctx: BuildContext, tokens: Sequence[TableToken], grammar: TableGrammar, model: type) -> ActiveDisclosure | ActiveDisclosure2019:
    return read_rows(ctx, tokens, grammar, model, SPANS)
