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
    models: dict[str, type]  # edition -> model class
    build: Callable[[BuildContext, Plan, type], object]


TABLES: tuple[TableSpec, ...] = tuple(
    TableSpec(m.KEY, m.SECTION, m.GRAMMARS, m.MODELS, m.build)
    for m in (active_disclosure, applications, review_litigation)
)
