"""How the parser fares on each local edit of govparse.edits: a count of outcomes, not a test.

For each edit kind, N drawn cases (the strategies of tests/test_local_edits.py,
no shrinking) sorted by their worst cell: ok, touched rows lost with a
diagnostic, a table nulled, another number flagged, another number or a null
with nothing said. The draws are derandomized (the same N cases on every run),
so a run before and one after a change to the row stage count the same cases::

    .venv/bin/python tests/edit_census.py [N] [KIND ...]
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import test_local_edits as local  # noqa: E402
from govparse.render import LAYOUTS  # noqa: E402
from strategies import reports, seeds  # noqa: E402

ORDER = (local.WRONG_SILENT, local.NULL_SILENT, local.AMBIGUOUS_READ, local.WRONG_FLAGGED, local.NULL_UNNAMED,
         local.NULL_NAMED)


def outcome(result, problems) -> str:
    found = {verdict for _, verdict, _ in problems}
    worst = next((verdict for verdict in ORDER if verdict in found), "ok")
    nulled = [key for key in local.TABLES if getattr(result, key) is None]
    return worst + (" (table null)" if nulled else "")


def census(kind: str, examples: int) -> None:
    counts: collections.Counter = collections.Counter()
    by_layout: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    shortest: dict[str, str] = {}

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate], derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(report=reports(), layout=st.sampled_from(LAYOUTS), table=st.integers(0, 2), place=local.edit_places,
           perturbations=local.perturbation_sets, seed=seeds, edit_seed=seeds)
    def run(report, layout, table, place, perturbations, seed, edit_seed):
        result, touch, where = local._parse_edited(report, layout, kind, table, place, perturbations, seed,
                                                   edit_seed)
        problems = local.verdicts(result, report, touch)
        key = outcome(result, problems)
        counts[key] += 1
        by_layout[layout.name][key == "ok"] += 1
        if key not in shortest or len(where) < len(shortest[key]):
            shortest[key] = where.replace("\n ", "") + "".join(f"\n      {p}" for p in problems[:3])

    start = time.perf_counter()
    run()
    print(f"{kind}: {sum(counts.values())} cases, {time.perf_counter() - start:.1f} s")
    for key, count in counts.most_common():
        print(f"  {count:5d}  {key}\n      e.g. {shortest[key]}")
    print("  ok by layout: " + ", ".join(f"{name} {c[True]}/{c[True] + c[False]}"
                                         for name, c in sorted(by_layout.items())))


def main(argv: list[str]) -> int:
    examples = int(argv[0]) if argv else 200
    for kind in argv[1:] or local.KIND_NAMES:
        census(kind, examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
