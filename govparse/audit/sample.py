"""A sample corpus for the audit: several agencies over several years, errors planted on purpose.

    python -m govparse.audit.sample FOLDER [AGENCIES] [YEARS]

Each agency's reports chain: year N's carried_over is year N-1's
carried_forward, every identity holds, and the agency's name is printed a little
differently from year to year (人民政府 or its 办公室, traditional characters, a
city prefix), as real titles are. Then, chosen by the seed, a few reports get a
planted X1 break (carried_over changed, new_received changed with it, so every
identity of that report still holds), a few a planted identity break (one
outcome cell of table 三 changed: I1 and I2 break there; or of table 四: I3), and one agency-year a second
report. ``Planted`` lists them all, so a test can ask that the audit finds each
and nothing else.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import APPLICANT_COLUMNS, ApplicantCounts, Applications, outcome_rows
from ..render import LAYOUTS, Report, complete_applications, random_report, render_bytes

PARTS = APPLICANT_COLUMNS[:-1]
REVIEW_GROUPS = ("review", "suit_direct", "suit_after_review")
OUTCOME_PARTS = ("upheld", "corrected", "other", "pending")
PLACES = ("青山", "东湖", "河西", "石门", "永宁", "清溪", "南山", "白沙", "桃源", "长乐", "泰和", "新安")
UNITS = ("县人民政府", "县教育局", "区财政局", "县自然资源局", "市交通运输局", "区市场监督管理局", "镇人民政府",
         "街道办事处", "县卫生健康局", "区住房和城乡建设局")
MAX_AGENCIES = len(PLACES) * len(UNITS)
CITY = "云台市"


@dataclass
class Planted:
    """What was planted, by file name."""

    x1: dict[str, str] = field(default_factory=dict)  # report -> the applicant column broken
    identity: dict[str, str] = field(default_factory=dict)  # report -> the cell changed
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # pairs of reports, one agency-year

    def to_dict(self) -> dict:
        return {"x1": self.x1, "identity": self.identity, "duplicates": self.duplicates}


def _printed(agency: str, form: int) -> str:
    """How a title names the agency: as it is, with 办公室, in traditional characters, or prefixed (``form`` 0-3)."""
    form %= 4
    if form == 1 and agency.endswith("人民政府"):
        return agency + "办公室"
    if form == 2:
        return agency.replace("县", "縣").replace("区", "區").replace("财政", "財政").replace("资源", "資源")
    if form == 3:
        return CITY + agency
    return agency


def _chained(rng: random.Random, year: int, agency: str, carried_over: list[int]) -> Report:
    """A report of ``year`` whose carried_over is ``carried_over`` and whose identities hold."""
    base = random_report(rng)
    parts = {key: [rng.randint(0, 6) if rng.random() < 0.3 else 0 for _ in PARTS] for key in outcome_rows(Applications)}
    processed = [sum(parts[key][i] for key in parts) for i in range(len(PARTS))]
    forward = [max(rng.randint(0, 5) if rng.random() < 0.5 else 0, c - p) for c, p in zip(carried_over, processed)]
    applications = complete_applications(parts, carried_over, forward)
    assert [getattr(applications.carried_over, c) for c in PARTS] == carried_over
    return replace(base, applications=applications, agency=agency, year=year, published=f"{year + 1}-02-01")


def _break_x1(report: Report, column: str) -> Report:
    """carried_over of ``column`` one higher, new_received one lower (or both the other way): S1 still holds."""
    applications = report.applications
    over, new = applications.carried_over, applications.new_received
    step = -1 if getattr(new, column) == 0 else 1
    step = -step if getattr(over, column) + step < 0 else step
    if getattr(over, column) + step < 0 or getattr(new, column) - step < 0:
        step = 0
    return replace(report, applications=replace(
        applications, carried_over=_shifted(over, column, step), new_received=_shifted(new, column, -step)))


def _break_identity(report: Report, rng: random.Random) -> tuple[Report, str]:
    """One cell one higher: an outcome cell of table 三 (I1 and I2 break) or of table 四 (I3 breaks)."""
    if rng.random() < 0.5:
        table, row, column = "applications", rng.choice(outcome_rows(Applications)), rng.choice(PARTS)
    else:
        table, row, column = "review_litigation", rng.choice(REVIEW_GROUPS), rng.choice(OUTCOME_PARTS)
    cells = getattr(getattr(report, table), row)
    changed = replace(getattr(report, table), **{row: replace(cells, **{column: getattr(cells, column) + 1})})
    return replace(report, **{table: changed}), f"{table}.{row}.{column}"


def _shifted(row: ApplicantCounts, column: str, step: int) -> ApplicantCounts:
    return replace(row, **{column: getattr(row, column) + step, "total": row.total + step})


def write_sample(folder: Path, agencies: int = 8, years: tuple[int, ...] = (2021, 2022, 2023), seed: int = 0,
                 x1_breaks: int = 3, identity_breaks: int = 2) -> Planted:
    """Write the corpus as ``<agency>-<year>.txt`` files; what was planted."""
    rng = random.Random(f"govparse-audit-sample-{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    if agencies > MAX_AGENCIES:
        raise ValueError(f"at most {MAX_AGENCIES} agencies (each place with each unit once)")
    # each place with each unit once: for a place, i // len(PLACES) runs over the units
    names = [f"{PLACES[i % len(PLACES)]}{UNITS[(i // len(PLACES) + i % len(PLACES)) % len(UNITS)]}"
             for i in range(agencies)]
    slots = [(a, y) for a in range(agencies) for y in range(1, len(years))]
    x1_slots = set(rng.sample(slots, min(x1_breaks, len(slots))))
    id_slots = set(rng.sample([(a, y) for a in range(agencies) for y in range(len(years))],
                              min(identity_breaks, agencies * len(years))))
    planted = Planted()
    for index, agency in enumerate(names):
        carried = [rng.randint(0, 4) for _ in PARTS]
        for year_index, year in enumerate(years):
            report = _chained(rng, year, _printed(agency, index + year_index), carried)
            carried = [getattr(report.applications.carried_forward, c) for c in PARTS]
            file = f"{index:03d}-{year}.txt"
            if (index, year_index) in x1_slots:
                column = rng.choice(PARTS)
                broken = _break_x1(report, column)
                if broken != report:
                    report = broken
                    planted.x1[file] = column
            if (index, year_index) in id_slots:
                report, planted.identity[file] = _break_identity(report, rng)
            layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
            (folder / file).write_bytes(render_bytes(report, layout, seed=index * 100 + year_index))
    clean = [i for i in range(agencies) if (i, len(years) - 1) not in x1_slots]
    if clean and len(years) > 1:  # one agency-year reported twice (X1 is not checked across it)
        first, second = f"{clean[0]:03d}-{years[-1]}.txt", f"{clean[0]:03d}-{years[-1]}-copy.txt"
        (folder / second).write_bytes((folder / first).read_bytes())
        planted.duplicates.append((first, second))
    (folder / "planted.json").write_text(json.dumps(planted.to_dict(), ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    return planted


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m govparse.audit.sample FOLDER [AGENCIES] [YEARS]", file=sys.stderr)
        return 2
    agencies = int(args[1]) if len(args) > 1 else 8
    count = int(args[2]) if len(args) > 2 else 3
    planted = write_sample(Path(args[0]), agencies, tuple(range(2024 - count, 2024)))
    print(json.dumps(planted.to_dict(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
