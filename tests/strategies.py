"""Hypothesis strategies: report models, layouts, perturbations, and mutated report text.

Values are realistic (SPEC §6): mostly 0 and small counts, some large ones,
decimal fees with up to five places, and now and then a blank cell (None).
``reports(consistent=True)`` keeps every identity of SPEC §5; ``consistent=False``
draws each cell on its own, so identities break the way real reports break them.
``reports(edition="2019")`` has the trial edition's tables 二 and 三 (signed
本年增/减, 政府集中采购, a single （六）其他处理 row); None draws either edition.
Everything shrinks toward an all-zero report.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import strategies as st

from govparse.model import (
    DELTA,
    MONEY,
    ActiveDisclosure,
    ActiveDisclosure2019,
    ApplicantCounts,
    Applications,
    Applications2019,
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    OutcomeCounts,
    ReviewLitigation,
    columns_of,
    outcome_rows,
    rows_of,
)
from govparse.render import (
    AGENCY_LEVELS,
    AGENCY_NAMES,
    AGENCY_PLACES,
    LAYOUTS,
    PERTURBATION_NAMES,
    TOWN_NAMES,
    Report,
    complete_applications,
    complete_outcomes,
)

# Mostly 0 and small counts, some large (行政许可 50997); one_of picks a branch
# uniformly, so repeating a branch weights it, and shrinking goes to the first.
filled_counts = st.one_of(
    st.just(0), st.just(0), st.integers(1, 9), st.integers(1, 30), st.integers(31, 999),
    st.integers(1000, 2_000_000),
)
counts = st.one_of(filled_counts, filled_counts, filled_counts, filled_counts, filled_counts, st.none())

fees = st.one_of(
    st.just(Decimal(0)),
    st.integers(0, 5).flatmap(lambda places: st.decimals(
        min_value=0, max_value=10**7, places=places, allow_nan=False, allow_infinity=False)),
    st.none(),
)


# 本年增/减: mostly 0, some small changes either way, now and then a large one; shrinks to 0.
deltas = st.one_of(st.just(0), st.integers(-30, 30), st.integers(-100_000, 100_000), st.none())


def _typed_row(cls):
    return st.builds(cls, *({DELTA: deltas, MONEY: fees}.get(kind, counts) for _, kind in columns_of(cls)))


def active_disclosures_2019():
    return st.builds(ActiveDisclosure2019, *(_typed_row(cls) for _, cls in rows_of(ActiveDisclosure2019)))


def _row(cls, values=counts):
    return st.builds(cls, *(values for _ in columns_of(cls)))


def active_disclosures(values=counts, fee_values=fees):
    return st.builds(
        ActiveDisclosure, _row(DocumentCounts, values), _row(DocumentCounts, values),
        _row(DecisionCount, values), _row(DecisionCount, values), _row(DecisionCount, values),
        st.builds(FeeAmount, fee_values),
    )


@st.composite
def consistent_applications(draw, table=Applications):
    """Table 三 (Applications or Applications2019) keeping S1, I1 and I2: outcome rows drawn, every total computed."""
    six = st.lists(filled_counts, min_size=6, max_size=6)
    parts = {key: draw(six) for key in outcome_rows(table)}
    return complete_applications(parts, draw(six), draw(six), table)


def free_applications(values=counts, table=Applications):
    return st.builds(table, **{key: _row(ApplicantCounts, values) for key, _ in rows_of(table)})


def consistent_reviews():
    group = st.builds(complete_outcomes, filled_counts, filled_counts, filled_counts, filled_counts)
    return st.builds(ReviewLitigation, group, group, group)


def free_reviews(values=counts):
    return st.builds(ReviewLitigation, *(_row(OutcomeCounts, values) for _ in range(3)))


agencies = st.one_of(
    st.builds(lambda p, l, n: f"{p}{l}{n}", st.sampled_from(AGENCY_PLACES), st.sampled_from(AGENCY_LEVELS),
              st.sampled_from(AGENCY_NAMES)),
    st.builds(lambda p, t: t.format(place=p), st.sampled_from(AGENCY_PLACES), st.sampled_from(TOWN_NAMES)),
)


@st.composite
def reports(draw, consistent=None, edition=None):
    """A Report; ``consistent`` None draws both kinds, ``edition`` None both editions (2021 first, for shrinking)."""
    if consistent is None:
        consistent = draw(st.booleans())
    if edition is None:
        edition = draw(st.sampled_from(("2021", "2019")))
    table = Applications2019 if edition == "2019" else Applications
    if consistent:
        applications, review = draw(consistent_applications(table)), draw(consistent_reviews())
    else:
        applications, review = draw(free_applications(table=table)), draw(free_reviews())
    year = draw(st.integers(2019, 2022) if edition == "2019" else st.integers(2021, 2025))
    published = draw(st.dates(datetime.date(year + 1, 1, 1), datetime.date(year + 1, 6, 30)))
    active = draw(active_disclosures_2019() if edition == "2019" else active_disclosures())
    return Report(active, applications, review, draw(agencies), year, published.isoformat(), draw(st.booleans()))


layouts = st.sampled_from(LAYOUTS)
perturbation_sets = st.frozensets(st.sampled_from(PERTURBATION_NAMES)).map(lambda s: tuple(sorted(s)))
seeds = st.integers(0, 2**32 - 1)


# --- mutations of a rendered report -------------------------------------------------------

@st.composite
def mutated(draw, text: str) -> str:
    """``text`` with lines deleted, duplicated or swapped, and perhaps cut short."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        kind = draw(st.sampled_from(("delete", "duplicate", "swap", "blank")))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "blank":
            lines.insert(i, "")
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    out = "\n".join(lines)
    if draw(st.booleans()):
        out = out[:draw(st.integers(0, len(out)))]
    return out
