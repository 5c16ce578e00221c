"""Stage 7: the typed model of the three statutory tables.

Frozen dataclasses whose field names are the keys of SPEC §2-§4: counts are
``int`` (never negative but for the trial edition's signed 本年增/减), money is
``Decimal``, and a cell that holds no readable value is
``None`` (never 0). Row classes list their columns in table order; table
classes list their rows in table order. ``columns_of`` tells the builder which
columns a row has and whether each holds a count or money.
"""

from __future__ import annotations

import dataclasses
import itertools
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

COUNT = "count"
MONEY = "money"
DELTA = "delta"  # a signed change (2019 edition 本年增/减): +3, -8, 减4

# A column whose value may be negative: the trial edition's 本年增/减.
Signed = Annotated[int | None, DELTA]


# --- table 二: active disclosure (2021 edition) ------------------------------

@dataclass(frozen=True, slots=True)
class DocumentCounts:
    """规章 / 行政规范性文件: 本年制发件数 · 本年废止件数 · 现行有效件数."""

    issued: int | None
    repealed: int | None
    in_force: int | None


@dataclass(frozen=True, slots=True)
class DecisionCount:
    """行政许可 / 行政处罚 / 行政强制: 本年处理决定数量."""

    decisions: int | None


@dataclass(frozen=True, slots=True)
class FeeAmount:
    """行政事业性收费: 本年收费金额（单位：万元）."""

    amount_wan: Decimal | None


@dataclass(frozen=True, slots=True)
class ActiveDisclosure:
    regulations: DocumentCounts
    normative_documents: DocumentCounts
    licensing: DecisionCount
    punishment: DecisionCount
    coercion: DecisionCount
    fees: FeeAmount


# --- table 二: active disclosure (2019 trial edition) --------------------------

@dataclass(frozen=True, slots=True)
class PublicationCounts:
    """规章 / 规范性文件 (2019): 本年新制作数量 · 本年新公开数量 · 对外公开总数量."""

    made: int | None
    published: int | None
    total_published: int | None


@dataclass(frozen=True, slots=True)
class ItemDecisions:
    """行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制 (2019):
    上一年项目数量 · 本年增/减 (signed) · 处理决定数量."""

    prev_items: int | None
    delta: Signed
    decisions: int | None


@dataclass(frozen=True, slots=True)
class FeeItems:
    """行政事业性收费 (2019): 上一年项目数量 · 本年增/减 (signed)."""

    prev_items: int | None
    delta: Signed


@dataclass(frozen=True, slots=True)
class Procurement:
    """政府集中采购 (2019): 采购项目数量 · 采购总金额 (Decimal, in the unit the report prints)."""

    projects: int | None
    amount: Decimal | None


@dataclass(frozen=True, slots=True)
class ActiveDisclosure2019:
    regulations: PublicationCounts
    normative_documents: PublicationCounts
    licensing: ItemDecisions
    other_services: ItemDecisions
    punishment: ItemDecisions
    coercion: ItemDecisions
    fees: FeeItems
    procurement: Procurement


# --- table 三: applications ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class ApplicantCounts:
    """自然人 · 商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他 · 总计."""

    natural_person: int | None
    commercial: int | None
    research: int | None
    social_welfare: int | None
    legal_service: int | None
    other_org: int | None
    total: int | None


@dataclass(frozen=True, slots=True)
class Applications:
    new_received: ApplicantCounts
    carried_over: ApplicantCounts
    granted: ApplicantCounts
    partially_granted: ApplicantCounts
    denied_state_secret: ApplicantCounts
    denied_prohibited_by_law: ApplicantCounts
    denied_security_stability: ApplicantCounts
    denied_third_party: ApplicantCounts
    denied_internal_affairs: ApplicantCounts
    denied_process_info: ApplicantCounts
    denied_enforcement_file: ApplicantCounts
    denied_admin_query: ApplicantCounts
    unable_not_held: ApplicantCounts
    unable_needs_creation: ApplicantCounts
    unable_unclear: ApplicantCounts
    rejected_petition: ApplicantCounts
    rejected_duplicate: ApplicantCounts
    rejected_publication: ApplicantCounts
    rejected_excessive: ApplicantCounts
    rejected_confirmation: ApplicantCounts
    other_no_correction: ApplicantCounts
    other_fee_unpaid: ApplicantCounts
    other_misc: ApplicantCounts
    total_processed: ApplicantCounts
    carried_forward: ApplicantCounts


@dataclass(frozen=True, slots=True)
class Applications2019:
    """Table 三 in the 2019 trial edition: （六）其他处理 is the single row ``other``."""

    new_received: ApplicantCounts
    carried_over: ApplicantCounts
    granted: ApplicantCounts
    partially_granted: ApplicantCounts
    denied_state_secret: ApplicantCounts
    denied_prohibited_by_law: ApplicantCounts
    denied_security_stability: ApplicantCounts
    denied_third_party: ApplicantCounts
    denied_internal_affairs: ApplicantCounts
    denied_process_info: ApplicantCounts
    denied_enforcement_file: ApplicantCounts
    denied_admin_query: ApplicantCounts
    unable_not_held: ApplicantCounts
    unable_needs_creation: ApplicantCounts
    unable_unclear: ApplicantCounts
    rejected_petition: ApplicantCounts
    rejected_duplicate: ApplicantCounts
    rejected_publication: ApplicantCounts
    rejected_excessive: ApplicantCounts
    rejected_confirmation: ApplicantCounts
    other: ApplicantCounts
    total_processed: ApplicantCounts
    carried_forward: ApplicantCounts


def outcome_rows(table_class: type) -> tuple[str, ...]:
    """Rows from granted to the last other row: what total_processed sums (I2)."""
    names = [f.name for f in dataclasses.fields(table_class)]
    return tuple(names[names.index("granted"):names.index("total_processed")])


OUTCOME_ROWS: tuple[str, ...] = outcome_rows(Applications)
APPLICANT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ApplicantCounts))


# --- table 四: review and litigation ------------------------------------------

@dataclass(frozen=True, slots=True)
class OutcomeCounts:
    """结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计."""

    upheld: int | None
    corrected: int | None
    other: int | None
    pending: int | None
    total: int | None


@dataclass(frozen=True, slots=True)
class ReviewLitigation:
    review: OutcomeCounts
    suit_direct: OutcomeCounts
    suit_after_review: OutcomeCounts


# --- helpers --------------------------------------------------------------------

@lru_cache(maxsize=None)
def columns_of(row_class: type) -> tuple[tuple[str, str], ...]:
    """(column key, COUNT or MONEY) for each field of a row class."""
    hints = typing.get_type_hints(row_class, include_extras=True)
    out = []
    for f in dataclasses.fields(row_class):
        hint = hints[f.name]
        if DELTA in getattr(hint, "__metadata__", ()):
            kind = DELTA
        elif Decimal in typing.get_args(hint):
            kind = MONEY
        else:
            kind = COUNT
        out.append((f.name, kind))
    return tuple(out)


@lru_cache(maxsize=None)
def rows_of(table_class: type) -> tuple[tuple[str, type], ...]:
    """(row key, row class) for each field of a table class."""
    hints = typing.get_type_hints(table_class)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(table_class))


def empty_row(row_class: type):
    return constructor(row_class)([None] * len(columns_of(row_class)))


@lru_cache(maxsize=None)
def constructor(cls: type) -> Callable[[Sequence], Any]:
    """``cls(*values)`` for a frozen dataclass of this module, a few times as fast."""
    return _assembler(cls, nested=False)


@lru_cache(maxsize=None)
def table_constructor(table_class: type) -> Callable[[Sequence], Any]:
    """A table from all its rows' values end to end: what the builder reads at once from
    most tables, made in one call instead of one per row."""
    return _assembler(table_class, nested=True)


def _assembler(cls: type, *, nested: bool) -> Callable[[Sequence], Any]:
    """A function of ``values`` that makes a ``cls`` (with its rows too, when ``nested``).

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, most
    of the builder's time per row. Each object is made instead as a draft: a plain slotted
    class with the same fields and no ``__init__``, whose fields are set the fast way; the
    draft then becomes a ``cls`` by ``__class__`` assignment, which Python allows between
    classes of one layout. What comes out is a ``cls`` like any other, frozen from then
    on. The function is written out for the class, a statement per field, so that no
    call, list or loop is spent on any row; ``values`` must hold exactly its fields. (These
    classes have no ``__post_init__`` to skip; and this module stays plain Python: mypyc's
    native classes have no such layout.)
    """
    namespace: dict[str, Any] = {}
    lines: list[str] = []
    leaves = itertools.count()  # the index in ``values`` of each field that is not a row, in order
    objects = itertools.count()

    def make(cls: type) -> str:
        if hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__} has a __post_init__ that the constructor would skip")
        hints = typing.get_type_hints(cls)
        fields = [(f.name, make(hints[f.name]) if nested and dataclasses.is_dataclass(hints[f.name])
                   else f"value{next(leaves)}") for f in dataclasses.fields(cls)]
        name = f"made{next(objects)}"
        namespace[f"{name}_draft"], namespace[f"{name}_class"] = _draft(cls), cls
        lines.append(f"{name} = {name}_draft()")
        lines.extend(f"{name}.{field} = {value}" for field, value in fields)
        lines.append(f"{name}.__class__ = {name}_class")
        return name

    made = make(cls)
    # the values unpacked at once: each field then set from a local, not indexed out of the list
    names = [f"value{at}" for at in range(next(leaves))]
    body = f"    ({', '.join(names)},) = values\n" + "".join(f"    {line}\n" for line in lines)
    function = f"make_{cls.__name__}{'_at_once' if nested else ''}"  # as profiles and tracebacks name it
    source = f"def {function}(values):\n{body}    return {made}\n"
    exec(compile(source, f"<govparse.model {function}>", "exec"), namespace)
    return namespace[function]


@lru_cache(maxsize=None)
def table_values(table_class: type) -> Callable[[Any], list]:
    """The inverse of ``table_constructor``: a function of a table that gives all its rows' values end
    to end (row r's column c at r * its columns + c), as the identities sum them. Written out for the
    class as one list display, as ``_plainer`` is: no call, tuple or loop per row."""
    hints = typing.get_type_hints(table_class)
    lines: list[str] = []
    leaves: list[str] = []
    for at, row in enumerate(dataclasses.fields(table_class)):
        lines.append(f"    row{at} = table.{row.name}\n")
        leaves.extend(f"row{at}.{column.name}" for column in dataclasses.fields(hints[row.name]))
    function = f"values_{table_class.__name__}"  # as profiles and tracebacks name it
    source = f"def {function}(table):\n{''.join(lines)}    return [{', '.join(leaves)}]\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<govparse.model {function}>", "exec"), namespace)
    return namespace[function]


@lru_cache(maxsize=None)
def _draft(cls: type) -> type:
    return type(f"{cls.__name__}Draft", (), {"__slots__": tuple(f.name for f in dataclasses.fields(cls))})


def to_plain(value):
    """Dataclass tree to dicts, keeping Decimal (exact) and None."""
    if value is None:
        return None
    plain = _plainer(type(value))
    return value if plain is None else plain(value)


@lru_cache(maxsize=None)
def _plainer(cls: type) -> Callable[[Any], dict] | None:
    """For a dataclass, a function of one of its objects that gives its dict tree, written out
    for the class as one dict display (the fields walked once per class, not once per object:
    a Result's tables are some 250 values); None for any other class."""
    if not dataclasses.is_dataclass(cls):
        return None
    namespace: dict[str, Any] = {"to_plain": to_plain}

    def display(owner: type, at: str) -> str:
        hints = typing.get_type_hints(owner)
        entries = []
        for f in dataclasses.fields(owner):
            hint = hints[f.name]
            value = f"{at}.{f.name}"
            if isinstance(hint, type) and dataclasses.is_dataclass(hint):
                # a row: written out too, unless it is not one of its class (None, say)
                namespace[f"{hint.__name__}_class"] = hint
                value = f"({display(hint, value)} if type({value}) is {hint.__name__}_class else to_plain({value}))"
            entries.append(f"{f.name!r}: {value}")
        return "{" + ", ".join(entries) + "}"

    function = f"plain_{cls.__name__}"  # as profiles and tracebacks name it
    source = f"def {function}(value):\n    return {display(cls, 'value')}\n"
    exec(compile(source, f"<govparse.model {function}>", "exec"), namespace)
    return namespace[function]
