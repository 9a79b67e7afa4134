"""db/README.md is the map from a rule to the file that says it now: checked
against the migrations themselves, so it cannot drift."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from devstack.paths import MIGRATIONS

README = MIGRATIONS.parent / "README.md"

DEFINE = {
    "function": re.compile(r"create (?:or replace )?function\s+([\w.]+)\s*\(", re.I),
    "view": re.compile(r"create (?:or replace )?view\s+([\w.]+)", re.I),
    "policy": re.compile(r"create policy\s+(\w+)\s+on\s+([\w.]+)", re.I),
    "trigger": re.compile(
        r"create trigger\s+(\w+)\s+(?:before|after|instead of)\b.*?\bon\s+([\w.]+)", re.I | re.S
    ),
    "table": re.compile(r"create table\s+([\w.]+)", re.I),
}
DROP = {
    "function": re.compile(r"drop function (?:if exists )?([\w.]+)", re.I),
    "view": re.compile(r"drop view (?:if exists )?([\w.]+)", re.I),
    "policy": re.compile(r"drop policy (?:if exists )?(\w+) on ([\w.]+)", re.I),
    "trigger": re.compile(r"drop trigger (?:if exists )?(\w+) on ([\w.]+)", re.I),
    "table": re.compile(r"drop table (?:if exists )?([\w.]+)", re.I),
}


@dataclass(frozen=True)
class Definition:
    kind: str
    name: str  # schema-qualified for functions, views and tables; bare for policies, triggers
    table: str  # the table a policy or trigger is on; "" otherwise


def definitions() -> dict[Definition, list[str]]:
    """Every object the forward migrations still define → the files defining it, in order."""
    found: dict[Definition, list[str]] = {}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name.endswith(".rollback.sql"):
            continue
        text = re.sub(r"--[^\n]*", "", path.read_text())
        events: list[tuple[int, Definition, bool]] = []
        for kind, pattern in DEFINE.items():
            for m in pattern.finditer(text):
                events.append(
                    (
                        m.start(),
                        Definition(kind, m.group(1), m.group(2) if m.lastindex == 2 else ""),
                        True,
                    )
                )
        for kind, pattern in DROP.items():
            for m in pattern.finditer(text):
                events.append(
                    (
                        m.start(),
                        Definition(kind, m.group(1), m.group(2) if m.lastindex == 2 else ""),
                        False,
                    )
                )
        for _, definition, defines in sorted(events, key=lambda e: e[0]):
            if defines:
                files = found.setdefault(definition, [])
                if path.stem not in files:
                    files.append(path.stem)
            else:
                found.pop(definition, None)
    return found


def table_rows() -> dict[str, str]:
    rows = {}
    for line in README.read_text().splitlines():
        m = re.match(r"\| `((?:app|auth)\.\w+)` \|", line)
        if m:
            rows[m.group(1)] = line
    return rows


DEFINED = definitions()


def object_id(d: Definition) -> str:
    return f"{d.kind} {d.table + '.' if d.table else ''}{d.name}"


def sort_key(d: Definition) -> tuple[str, str, str]:
    return (d.kind, d.table, d.name)


MAPPED = sorted((d for d in DEFINED if d.kind in ("policy", "trigger")), key=sort_key)
REDEFINED = sorted((d for d in DEFINED if len(DEFINED[d]) > 1), key=sort_key)


@pytest.mark.parametrize(
    "table",
    sorted(
        d.name for d in DEFINED if d.kind == "table" and d.name.split(".")[0] in ("app", "auth")
    ),
)
def test_every_table_has_a_row_naming_its_file(table: str) -> None:
    created = DEFINED[Definition("table", table, "")][0]
    row = table_rows().get(table)
    assert row is not None, f"db/README.md: add a row for `{table}` (created in {created})"
    assert f"| `{created}` |" in row, f"db/README.md: `{table}` is created in {created}"


@pytest.mark.parametrize(
    "definition",
    MAPPED,
    ids=object_id,
)
def test_every_policy_and_trigger_is_mapped_to_its_newest_file(definition: Definition) -> None:
    newest = DEFINED[definition][-1]
    row = table_rows().get(definition.table, "")
    cells = row.split("|")
    cell = (
        cells[4]
        if definition.kind == "policy" and len(cells) > 5
        else cells[5]
        if len(cells) > 5
        else ""
    )
    groups = dict((m.group(1), m.group(2)) for m in re.finditer(r"(\d{4}_\w+): ([^;]*)", cell))
    assert f"`{definition.name}`" in groups.get(newest, ""), (
        f"db/README.md, row `{definition.table}`: {definition.kind} `{definition.name}` "
        f"is defined now in {newest}"
    )


@pytest.mark.parametrize(
    "definition",
    REDEFINED,
    ids=object_id,
)
def test_every_redefinition_points_at_its_newest_file(definition: Definition) -> None:
    first, newest = DEFINED[definition][0], DEFINED[definition][-1]
    names = [f"`{definition.name}`"] + ([f"`{definition.table}`"] if definition.table else [])
    lines = [
        line
        for line in README.read_text().splitlines()
        if line.startswith("| ")
        and all(n in line for n in names)
        and f"`{newest}`" in line
        and f"`{first}`" in line
    ]
    assert lines, (
        f"db/README.md, 'Redefined later': add {definition.kind} {' '.join(names)} "
        f"| `{first}` | `{newest}` |"
    )
