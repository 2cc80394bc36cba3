"""The data dictionary of evidence.csv, generated from pipeline.schema (docs/data-dictionary.md)."""

from __future__ import annotations

import datetime as dt
import types
import typing

from annotated_types import Ge, Le

from .schema import EVIDENCE_VOCABULARIES, SCHEMA_VERSION, EvidenceRow


def _type_name(annotation: object) -> tuple[str, bool]:
    """('integer', nullable) and so on, for one field annotation."""
    args = typing.get_args(annotation)
    nullable = type(None) in args
    is_union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    base = next(a for a in args if a is not type(None)) if is_union else annotation
    if typing.get_origin(base) is typing.Literal:
        return "category", nullable
    names = {str: "text", int: "integer (Int64)", float: "number (Float64)",
             dt.date: "date (YYYY-MM-DD)", dt.datetime: "timestamp, UTC (ISO 8601)"}
    return names.get(base, str(base)), nullable  # type: ignore[call-overload]


def data_dictionary() -> str:
    """Markdown table: every evidence.csv column with meaning, type, allowed values, example."""
    lines = [
        "# Data dictionary: evidence.csv / evidence.parquet",
        "",
        f"Generated from `pipeline/schema.py` (schema version {SCHEMA_VERSION}) by "
        "`onco-evidence dictionary`; do not edit by hand. Columns are in file order. "
        "Empty cells mean unknown. `pipeline.load_evidence` returns these dtypes.",
        "",
        "| column | meaning | type | allowed values | example |",
        "|---|---|---|---|---|",
    ]
    for name, info in EvidenceRow.model_fields.items():
        kind, nullable = _type_name(info.annotation)
        allowed = ""
        if name in EVIDENCE_VOCABULARIES:
            allowed = ", ".join(f"`{v}`" for v in EVIDENCE_VOCABULARIES[name])
        bounds = [f"≥ {m.ge}" for m in info.metadata if isinstance(m, Ge)]
        bounds += [f"≤ {m.le}" for m in info.metadata if isinstance(m, Le)]
        allowed = allowed or " and ".join(bounds) or "any"
        if nullable:
            allowed += "; may be empty"
        example = info.examples[0] if info.examples else ""
        lines.append(f"| `{name}` | {info.description or ''} | {kind} | {allowed} | {example} |")
    return "\n".join(lines) + "\n"
