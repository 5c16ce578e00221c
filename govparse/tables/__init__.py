"""The three statutory tables, one module each (labels, keys, example in each docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..grammar import Plan
from ..transform import BuildContext
from . import active_disclosure, applications, review_litigation


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str  # SPEC key of the table
    numeral: str  # the section that holds it
    grammars: dict[str, str]  # edition -> grammar name
    model: type
    build: Callable[[BuildContext, Plan], object]


TABLES: tuple[TableSpec, ...] = tuple(
    TableSpec(m.KEY, m.SECTION, m.GRAMMARS, m.MODEL, m.build)
    for m in (active_disclosure, applications, review_litigation)
)
