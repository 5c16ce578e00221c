"""The JSON Schema of govparse's output, made from the model rather than written by hand.

``build()`` reads what the code says: each table's model classes (one alternative per
edition, from govparse.tables), their rows and columns and each column's kind (from
govparse.model), each row's printed label (from its grammar), the identities and the
names each is checked for (from govparse.identities), the metadata fields and the
encodings. It describes ``Result.to_dict()`` (SPEC §7 plus ``encoding``); ``$defs.record``
describes a jsonl line of ``govparse parse`` and ``govparse batch``.

The package ships the output as ``result.schema.json`` (``load()`` reads it), so users
need neither this module's imports nor a checkout. tests/test_schema.py checks that the
shipped file is ``build()``'s output and that every fixture's result validates against it.
Write it again after a model change with ``python -m govparse.schema --write``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from . import decode, documents, layout
from .diagnostics import ERROR, INFO, WARNING
from .dump import printed_label
from .grammar import load as load_grammar
from .identities import _IDENTITIES
from .meta import Meta
from .model import COUNT, DELTA, MONEY, columns_of, rows_of
from .result import TABLE_KEYS
from .tables import TABLES

SCHEMA_FILE = "result.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
MIXED = "mixed"  # govparse.pipeline's word for tables of more than one edition or layout

# The cell formats a report's tables are read in (Result.layout); govparse.layout names them.
LAYOUT_FORMATS = (layout.LINEAR_CELL, layout.PIPE_DELIMITED, layout.TAB_DELIMITED, layout.SPACE_DELIMITED,
                  layout.HTML, layout.GRID, layout.SPACE_ALIGNED, layout.RUN_TOGETHER, *documents.DOCUMENT_LAYOUTS)
ENCODINGS = (decode.UTF8, decode.UTF8_BOM, decode.GB18030, decode.UTF16, decode.UTF8_REPLACED, "str", documents.PDF,
             documents.DOCX)

_COLUMN_KINDS: dict[str, dict[str, Any]] = {
    COUNT: {"type": ["integer", "null"], "minimum": 0},
    DELTA: {"type": ["integer", "null"]},
    MONEY: {"type": ["number", "null"]},
}
_KIND_NOTES = {COUNT: "a count", DELTA: "a signed change", MONEY: "money, an exact decimal"}
META_TYPES: dict[str, dict[str, Any]] = {
    "title": {"type": ["string", "null"]},
    "agency": {"type": ["string", "null"]},
    "year": {"type": ["integer", "null"], "minimum": 1900},
    "published": {"type": ["string", "null"], "format": "date"},
}


def _summary(cls: type) -> str:
    """The first line of a class's docstring (a dataclass without one has its signature there)."""
    doc = cls.__doc__ or ""
    if not doc or doc.startswith(f"{cls.__name__}("):
        return cls.__name__
    return " ".join(line.strip() for line in doc.strip().split("\n\n")[0].splitlines())


def _row_schema(row_class: type, grammar_name: str) -> dict[str, Any]:
    grammar = load_grammar(grammar_name)
    columns = columns_of(row_class)
    return {"type": "object", "description": _summary(row_class),
            "properties": {key: {**_COLUMN_KINDS[kind], "description": ", ".join(
                               filter(None, (printed_label(grammar, key.upper()), _KIND_NOTES[kind])))}
                           for key, kind in columns},
            "required": [key for key, _ in columns], "additionalProperties": False}


def _table_schema(table_class: type, what: str, grammar_name: str) -> dict[str, Any]:
    grammar = load_grammar(grammar_name)
    rows = rows_of(table_class)
    return {"type": "object", "description": f"{what} (grammars/{grammar_name}.lark)",
            "properties": {row: {"$ref": f"#/$defs/{row_class.__name__}",
                                 "description": printed_label(grammar, row.upper()) or row}
                           for row, row_class in rows},
            "required": [row for row, _ in rows], "additionalProperties": False}


def _check_schema() -> dict[str, Any]:
    """A check names one row, column or group; a check that fails or cannot be decided
    also lists its cells (govparse.identities.Check.to_dict)."""
    names: dict[tuple[str, str], set[str]] = {}
    for table_identities in _IDENTITIES.values():
        for identity in table_identities.identities:
            names.setdefault((identity.id, identity.scope), set()).add(identity.name)
    cells = {"type": "array", "items": {"type": "string", "pattern": r"^[a-z_]+\.[a-z_]+\.[a-z_]+$"}}
    scopes = sorted({scope for _, scope in names})
    return {
        "type": "object",
        "description": "One identity check (勾稽关系). ok is null when a cell on either side is null.",
        "properties": {
            "id": {"enum": sorted({id_ for id_, _ in names})},
            **{scope: {"type": "string"} for scope in scopes},
            "ok": {"type": ["boolean", "null"]},
            "lhs": {"type": ["integer", "null"]},
            "rhs": {"type": ["integer", "null"]},
            "difference": {"type": ["integer", "null"]},
            "cells": {"type": "object", "properties": {"lhs": cells, "rhs": cells},
                      "required": ["lhs", "rhs"], "additionalProperties": False},
            "missing": cells,
        },
        "required": ["id", "ok", "lhs", "rhs", "difference"],
        "additionalProperties": False,
        "oneOf": [{"properties": {"id": {"const": id_}, scope: {"enum": sorted(checked)}},
                   "required": [scope]} for (id_, scope), checked in sorted(names.items())],
        "if": {"properties": {"ok": {"const": True}}},
        "then": {"not": {"anyOf": [{"required": ["cells"]}, {"required": ["missing"]}]}},
        "else": {"required": ["cells", "missing"]},
    }


def _diagnostic_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "What the parser noticed; it never changes a value.",
        "properties": {
            "level": {"enum": [ERROR, WARNING, INFO]},
            "code": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "message": {"type": "string"},
            "line": {"type": ["integer", "null"], "minimum": 1, "description": "1-based source line"},
            "table": {"enum": list(TABLE_KEYS)},
            "row": {"type": "string"},
            "place": {"type": "string", "description": "a PDF's or DOCX's page, table, row and cell the line "
                                                       "came from, e.g. 'page 4, table 1, row 6, cell 3'"},
        },
        "required": ["level", "code", "message", "line"],
        "additionalProperties": False,
    }


def _meta_schema() -> dict[str, Any]:
    """The fields of govparse.meta.Meta, each typed by META_TYPES (the compiled wheel keeps no
    annotations on Meta to read them from; a field missing there is a KeyError here)."""
    fields = [f.name for f in dataclasses.fields(Meta)]
    properties: dict[str, Any] = {name: dict(META_TYPES[name]) for name in fields}
    return {"type": "object", "description": "The report's title, agency, year and publication date.",
            "properties": properties, "required": fields, "additionalProperties": False}


def _nested(description: str, leaf: dict[str, Any]) -> dict[str, Any]:
    """An object of tables of rows of columns, each column holding ``leaf``."""
    level: dict[str, Any] = leaf
    for _ in range(3):
        level = {"type": "object", "additionalProperties": level}
    return {**level, "description": description}


def build() -> dict[str, Any]:
    """The schema of ``Result.to_dict()``, with ``$defs.record`` for a jsonl line."""
    defs: dict[str, Any] = {}
    table_properties: dict[str, Any] = {}
    editions: set[str] = set()
    for spec in TABLES:
        choices = []
        for edition, table_class in sorted(spec.models.items()):
            editions.add(edition)
            if table_class.__name__ not in defs:
                defs[table_class.__name__] = _table_schema(
                    table_class, f"table {spec.numeral}, {edition} edition", spec.grammars[edition])
                for _, row_class in rows_of(table_class):
                    if row_class.__name__ not in defs:
                        defs[row_class.__name__] = _row_schema(row_class, spec.grammars[edition])
                choices.append({"$ref": f"#/$defs/{table_class.__name__}"})
        table_properties[spec.key] = {
            "description": f"table {spec.numeral}; null when absent or cut off (with a diagnostic)",
            "oneOf": [*choices, {"type": "null"}]}
    defs["Meta"] = _meta_schema()
    defs["Check"] = _check_schema()
    defs["Diagnostic"] = _diagnostic_schema()
    properties: dict[str, Any] = {
        "edition": {"enum": [*sorted(editions), MIXED, None],
                    "description": "the tables' edition, told by their labels; mixed when they differ"},
        "layout": {"enum": [*LAYOUT_FORMATS, MIXED, None],
                   "description": "the cell format the tables share; mixed when they differ"},
        "encoding": {"enum": list(ENCODINGS)},
        "meta": {"$ref": "#/$defs/Meta"},
        **table_properties,
        "checks": {"type": "array", "items": {"$ref": "#/$defs/Check"}},
        "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/Diagnostic"}},
    }
    record_head = {"file": {"type": "string"}, "ok": {"const": True}, "error": {"type": "null"}}
    record_tail = {
        "lines": _nested("table -> row -> column -> the source line each value was read from",
                         {"type": "integer", "minimum": 1}),
        "places": _nested("for a PDF or DOCX, table -> row -> column -> where each value was read "
                          "(\"page 4, table 1, row 5, cell 3\"); empty for text", {"type": "string"}),
    }
    defs["record"] = {
        "description": "One line of govparse parse --format jsonl and govparse batch: file, ok and error, "
                       "then the document of a parsed file and where its values were read; a file that "
                       "could not be read has only the three.",
        "oneOf": [
            {"type": "object", "properties": {**record_head, **properties, **record_tail},
             "required": [*record_head, *properties, *record_tail], "additionalProperties": False},
            {"type": "object", "properties": {**record_head, "ok": {"const": False}, "error": {"type": "string"}},
             "required": list(record_head), "additionalProperties": False},
        ],
    }
    return {
        "$schema": DRAFT,
        "title": "govparse result",
        "description": "One parsed 政府信息公开工作年度报告: Result.to_dict() (SPEC §7, plus encoding). "
                       "Made by govparse.schema from the model; do not edit.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": defs,
    }


def text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


def load() -> dict[str, Any]:
    """The shipped schema (no lark, no grammar loading: a plain file in the package)."""
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        Path(__file__).with_name(SCHEMA_FILE).write_text(text(), encoding="utf-8")
        return 0
    if argv:
        print("usage: python -m govparse.schema [--write]", file=sys.stderr)
        return 2
    sys.stdout.write(text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
