"""govparse.audit: names meet across years, X1 and duplicates found, planted errors found and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govparse
from govparse.audit import checks, names
from govparse.audit.sample import write_sample


@pytest.mark.parametrize("printed, key", [
    ("青山县人民政府", "青山县"),
    ("青山县人民政府办公室", "青山县"),
    ("青山縣人民政府", "青山县"),
    (" 青山县 教育局 ", "青山县教育局"),
    ("东湖街道办事处", "东湖街道"),
    ("新安经济开发区管委会", "新安经济开发区"),
    ("人民政府", None),  # an office word alone names no agency
    ("政府", None),
    ("标题: 平潭综合实验区", "平潭综合实验区"),  # what scrapers put before a title
    ("# 沭阳县人民政府", "沭阳县"),
    ("", None),
])
def test_agency_key(printed, key):
    assert names.agency_key(printed) == key


def test_prefixed_names_join_the_unprefixed_one():
    agencies = names.Agencies(["青山县教育局", "云台市青山县教育局", "河北省云台市青山县教育局", "东湖镇人民政府",
                               "青山县东湖镇人民政府", "云台市市场监督管理局"])
    assert agencies.key("云台市青山县教育局") == agencies.key("河北省云台市青山县教育局") == "青山县教育局"
    assert agencies.key("青山县东湖镇人民政府") == "东湖镇"
    assert agencies.key("云台市市场监督管理局") == "云台市市场监督管理局"  # 市场… is no place
    alone = names.Agencies(["云台市青山县教育局"])  # nothing shorter in the corpus: kept as printed
    assert alone.key("云台市青山县教育局") == "云台市青山县教育局"


def test_alias_file(tmp_path):
    path = tmp_path / "aliases.txt"
    path.write_text("# comment\n青山县政务服务中心 = 青山县人民政府\n\n", encoding="utf-8")
    assert names.read_aliases(path) == {"青山县政务服务中心": "青山县"}
    assert names.Agencies(["青山县政务服务中心"], names.read_aliases(path)).key("青山县政务服务中心") == "青山县"
    path.write_text("青山县政务服务中心\n", encoding="utf-8")
    with pytest.raises(names.AliasError, match=":1:"):
        names.read_aliases(path)


def _record(file, agency, year, over=None, forward=None):
    def row(values):
        return dict(zip(checks.APPLICANT_COLUMNS, values)) if values else None
    return {"file": file, "ok": True, "meta": {"agency": agency, "year": year},
            "applications": {"carried_over": row(over), "carried_forward": row(forward)}}


def test_x1_and_duplicates_from_records():
    zeros = [0] * 7
    records = [
        _record("a-2021", "青山县人民政府", 2021, zeros, [1, 0, 0, 0, 0, 0, 1]),
        _record("a-2022", "青山縣人民政府办公室", 2022, [2, 0, 0, 0, 0, 0, 2], zeros),  # X1 broken: 2 vs 1
        _record("a-2023", "青山县人民政府", 2023, zeros, zeros),  # holds
        _record("b-2022", "东湖区财政局", 2022, zeros, zeros),
        _record("b-2022-again", "东湖区财政局", 2022, zeros, zeros),
        _record("b-2023", "东湖区财政局", 2023, [5] * 7, zeros),  # after a duplicated year: not checked
        {"file": "broken", "ok": False, "error": "cannot read"},
    ]
    found = govparse.audit(records)
    x1 = [f for f in found if f.kind == checks.X1]
    assert [(f.report, f.name, f.lhs, f.rhs, f.difference, f.other) for f in x1] == [
        ("a-2022", "natural_person", 2, 1, 1, "a-2021"), ("a-2022", "total", 2, 1, 1, "a-2021")]
    assert x1[0].rhs_cells == ("a-2021:applications.carried_forward.natural_person",)
    assert sorted(f.report for f in found if f.kind == checks.DUPLICATE) == ["b-2022", "b-2022-again"]
    assert [f.report for f in found if f.kind == checks.UNREADABLE] == ["broken"]
    assert len(found) == 5


def test_findings_of_a_parse_name_their_cells():
    text = Path(__file__).parent.parent / "corpus" / "pipe-delimited-row-per-line--everything.txt"
    result = govparse.parse_file(text)
    found = govparse.audit({"everything": result})
    failed = [c for c in result.checks if c.ok is False]
    assert [f.kind for f in found if f.kind in checks.IDENTITY_KINDS] == [c.id for c in failed]
    first = next(f for f in found if f.kind in checks.IDENTITY_KINDS)
    assert first.difference == first.lhs - first.rhs != 0
    assert first.line is not None and first.lhs_cells


def _sample_findings(folder: Path, **kwargs):
    planted = write_sample(folder, **kwargs)
    results = {path.name: govparse.parse_file(path) for path in sorted(folder.glob("*.txt"))}
    return planted, results, govparse.audit(results)


def test_sample_corpus_every_planted_error_found_and_nothing_else(tmp_path):
    planted, results, found = _sample_findings(tmp_path, agencies=100, years=(2021, 2022, 2023), seed=3,
                                               x1_breaks=15, identity_breaks=12)
    assert len(results) == 301
    assert {cell.split(".")[0] for cell in planted.identity.values()} == {"applications", "review_litigation"}
    assert planted.x1 and planted.identity and planted.duplicates
    assert json.loads((tmp_path / "planted.json").read_text(encoding="utf-8"))["x1"] == planted.x1
    for finding in found:
        if finding.kind == checks.X1:
            assert finding.name in (planted.x1[finding.report], "total"), finding
        elif finding.kind in checks.IDENTITY_KINDS:
            assert planted.identity[finding.report] in finding.lhs_cells + finding.rhs_cells, finding
        else:
            assert finding.kind == checks.DUPLICATE and any(finding.report in pair for pair in planted.duplicates)
    assert {f.report for f in found if f.kind == checks.X1} == set(planted.x1)
    assert {f.report for f in found if f.kind in checks.IDENTITY_KINDS} == set(planted.identity)
    agencies = {e.agency for e in checks.as_entries(results)}
    entries = checks.as_entries(results)
    checks.audit_entries(entries)
    assert len({e.agency for e in entries}) == 100, "every agency's printed names meet under one key"
    assert agencies == {None}  # keys are set by the audit, not by reading
