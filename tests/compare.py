"""Field-by-field comparison of a parse with what was expected, for failure messages that name the field.

Shared by the seed, corpus and round-trip tests. ``expected`` and ``actual`` are
the JSON-shaped documents of SPEC §7 (``Result.to_dict()``); money may be
expected as a JSON number, a string or a Decimal and is compared exactly.
"""

from __future__ import annotations

from decimal import Decimal

TABLES = ("active_disclosure", "applications", "review_litigation")


def same(expected, actual) -> bool:
    if isinstance(actual, Decimal) and isinstance(expected, (str, int, float, Decimal)) \
            and not isinstance(expected, bool):
        return actual == Decimal(str(expected))
    return type(expected) is type(actual) and expected == actual


def table_differences(expected: dict, actual: dict) -> list[str]:
    """Every table field where ``actual`` differs from ``expected``, by path."""
    problems = []
    for table in TABLES:
        want, got = expected[table], actual[table]
        if want is None or got is None:
            if want is not got:
                problems.append(f"{table}: expected {'null' if want is None else 'a table'}, got "
                                f"{'null' if got is None else 'a table'}")
            continue
        if set(want) != set(got):
            problems.append(f"{table}: rows differ: missing {sorted(set(want) - set(got))}, "
                            f"extra {sorted(set(got) - set(want))}")
        for row in want:
            for column, value in want[row].items():
                found = got.get(row, {}).get(column, "<absent>")
                if not same(value, found):
                    problems.append(f"{table}.{row}.{column}: expected {value!r}, got {found!r}")
    return problems


def meta_differences(expected: dict, actual: dict) -> list[str]:
    """Every meta field named in ``expected["meta"]`` that ``actual`` reads differently."""
    return [f"meta.{key}: expected {value!r}, got {actual['meta'][key]!r}"
            for key, value in expected.get("meta", {}).items() if actual["meta"][key] != value]
