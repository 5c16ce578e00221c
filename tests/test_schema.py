"""The JSON Schema shipped in the package is current, and every fixture's output meets it.

govparse/result.schema.json is govparse.schema.build()'s output (regenerate with
``python -m govparse.schema --write``); the package reads it with govparse.schema.load(),
which under ``make test-compiled`` is the copy inside the installed wheel.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import govparse
from govparse import records, schema

from conftest import ROOT, SHARED

SHIPPED = ROOT / "govparse" / schema.SCHEMA_FILE
TEXT_SUFFIXES = (".txt", ".html", ".md")


def _fixtures() -> list[Path]:
    """Every input the tests hold: the rendered corpus, the tools' text, the readers' samples,
    and the shared seeds and real reports when they are there."""
    found = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "corpus" / "tools").glob("*--*.txt")),
             *sorted(p for p in (ROOT / "tests" / "data").rglob("*") if p.suffix in TEXT_SUFFIXES
                     and p.name != "README.md")]
    for folder in (SHARED / "reports" / "seeds", SHARED / "reports" / "real"):
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.txt")))
    return found


FIXTURES = _fixtures()


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(schema.load(), format_checker=FormatChecker())


@pytest.fixture(scope="module")
def record_validator() -> Draft202012Validator:
    shipped = schema.load()
    return Draft202012Validator({**shipped, "$ref": "#/$defs/record", "properties": {}, "required": [],
                                 "additionalProperties": True}, format_checker=FormatChecker())


def _problems(validator: Draft202012Validator, document: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message[:300]}"
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))]


def test_shipped_schema_is_the_models():
    assert SHIPPED.read_text(encoding="utf-8") == schema.text(), \
        "govparse/result.schema.json is out of date: run python -m govparse.schema --write"


def test_the_package_reads_the_shipped_schema():
    assert schema.load() == json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(schema.load())


def test_there_are_fixtures_of_each_kind():
    kinds = {p.parent.name for p in FIXTURES}
    assert {"corpus", "tools", "readers", "data", "pdf_text"} <= kinds, kinds


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_fixture_output_meets_the_schema(path, validator, record_validator):
    result = govparse.parse_file(path)
    document = json.loads(result.to_json())  # the JSON users get: money as a JSON number
    assert _problems(validator, document) == []
    record = json.loads(govparse.dumps(records.document(str(path), result)))
    assert _problems(record_validator, record) == []


def test_a_failed_record_meets_the_schema(record_validator):
    assert _problems(record_validator, {"file": "missing.txt", "ok": False, "error": "cannot read"}) == []


@pytest.fixture(scope="module")
def parsed() -> dict:
    return json.loads(govparse.parse_file(ROOT / "corpus" / "pipe-delimited-row-per-line--plain.txt").to_json())


@pytest.mark.parametrize("change, where", [
    (lambda d: d["applications"]["granted"].update(total=-1), "applications"),
    (lambda d: d["applications"]["granted"].update(total="3"), "applications"),
    (lambda d: d["applications"]["granted"].pop("research"), "applications"),
    (lambda d: d["applications"].pop("carried_forward"), "applications"),
    (lambda d: d["active_disclosure"]["fees"].update(amount_wan="1.5"), "active_disclosure"),
    (lambda d: d["review_litigation"].update(extra={}), "review_litigation"),
    (lambda d: d.update(edition="2020"), "edition"),
    (lambda d: d.update(layout="pdf"), "layout"),
    (lambda d: d["meta"].update(published="12 May"), "meta"),
    (lambda d: d["checks"][0].update(id="S9"), "checks"),
    (lambda d: d["checks"][0].pop("column"), "checks"),
    (lambda d: d["checks"][0].update(cells={"lhs": [], "rhs": []}), "checks"),
    (lambda d: d["diagnostics"].append({"level": "fatal", "code": "x", "message": "", "line": 1}), "diagnostics"),
    (lambda d: d.pop("encoding"), "(top)"),
])
def test_the_schema_rejects_a_wrong_document(parsed, validator, change, where):
    assert _problems(validator, parsed) == []
    document = json.loads(json.dumps(parsed))
    change(document)
    problems = _problems(validator, document)
    assert problems and all(p.startswith(where) for p in problems), problems


def test_a_2019_table_is_not_taken_for_a_2021_one(validator):
    document = json.loads(govparse.parse_file(ROOT / "tests" / "data" / "edition_2019_pipe.txt").to_json())
    assert document["edition"] == "2019" and _problems(validator, document) == []
    document["active_disclosure"]["licensing"] = {"decisions": 1}  # a 2021 row in a 2019 table
    assert _problems(validator, document)
