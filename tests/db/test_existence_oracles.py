"""A thing you may not see is refused exactly as a thing that does not exist (issue #13).

The structural tests enumerate from pg_catalog every `api` function and every
writable `api` view web_user can reach, call each with ids of things the
caller cannot see and with an id that does not exist, and require the same
outcome (SQLSTATE, message, detail, hint; or the same rows) — so a new
endpoint is covered the day it is added. An argument or column that names
a thing by id must be known to ID_KINDS below; an unknown one fails the test
until someone says which table it points into.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql

from devstack.sessions import open_dev_session
from tests.people import People, Person, authenticate_as, clear_authentication

# Arguments and columns that name a thing by id → the table (and key) they point into.
ID_KINDS = {
    "request_id": ("app.requests", "id"),
    "session_id": ("auth.sessions", "id"),
    "person_id": ("app.users", "id"),
    "user_id": ("app.users", "id"),
    "assignee_id": ("app.users", "id"),
    "requester_id": ("app.users", "id"),
    "author_id": ("app.users", "id"),
    "actor_id": ("app.users", "id"),
    "passkey_id": ("auth.passkeys", "id"),
    "comment_id": ("app.comments", "id"),
    "attachment_id": ("app.attachments", "id"),
}
# Functions whose argument is called plain `id`: which table it points into.
FUNCTION_ID_ARGS = {
    "download_attachment": "attachment_id",
    "remove_attachment": "attachment_id",
}
# Values for the other arguments and columns, by name, then by type.
VALUES_BY_NAME: dict[str, object] = {
    "to_status": "in_progress",
    "category": "HR",
    "note": "probe note",
    "title": "probe",
    "body": "probe",
    "description": "",
    "priority": "normal",
    "name": "probe",
}
VALUES_BY_TYPE: dict[str, object] = {
    "text": "probe",
    "boolean": True,
    "integer": 1,
    "bigint": 1,
    "jsonb": "{}",
    "bytea": b"\0",
}
CALLERS = ["alice", "ivan"]  # a requester, and an agent of IT


@dataclass(frozen=True)
class Outcome:
    """What the caller learns from one call: an error's words, or the rows."""

    kind: str
    text: str

    @classmethod
    def of(cls, run: Iterator[object], probe: object) -> Outcome:
        def scrub(value: object) -> str:
            return str(value).replace(str(probe), "<id>")

        try:
            rows = list(run)
        except psycopg.Error as error:
            diag = error.diag
            words = (diag.message_primary, diag.message_detail, diag.message_hint)
            return cls(f"error {error.sqlstate}", " | ".join(scrub(w) for w in words))
        return cls("ok", scrub(rows))


def run_as(
    db: psycopg.Connection, caller: Person, query: sql.Composed, params: dict[str, object]
) -> Iterator[object]:
    """One statement as `caller`, inside a savepoint that is always rolled back."""
    with db.transaction(force_rollback=True):
        authenticate_as(db, caller)
        cursor = db.execute(query, params)
        yield from (cursor.fetchall() if cursor.description else [cursor.rowcount])


def ids_of(db: psycopg.Connection, caller: Person | None, table: str, key: str) -> list[object]:
    query = sql.SQL("select {} from {} order by 1").format(
        sql.Identifier(key), sql.Identifier(*table.split("."))
    )
    if caller is None:
        return [row[0] for row in db.execute(query)]
    with db.transaction(force_rollback=True):
        authenticate_as(db, caller)
        return [row[0] for row in db.execute(query)]


def probes(db: psycopg.Connection, caller: Person, kind: str) -> tuple[list[object], object]:
    """Ids of `kind` the caller cannot see (varied), and one that does not exist."""
    table, key = ID_KINDS[kind]
    visible = set(ids_of(db, caller, table, key))
    hidden = [i for i in ids_of(db, None, table, key) if i not in visible]
    if table == "app.requests":
        # One of each status and category: the leaks differed by what the request was.
        rows = db.execute(
            """select distinct on (status, category) id from app.requests
                where not (id = any(%s)) order by status, category, id""",
            (list(visible),),
        ).fetchall()
        hidden = [r[0] for r in rows]
        missing: object = int(db.execute("select max(id) + 1000 from app.requests").fetchone()[0])  # type: ignore[index]
    else:
        hidden = hidden[:4]
        missing = missing_id(db, table, key)
    # A kind with no hidden rows yet (say, no attachments) is probed with the
    # missing id only; the tests below assert that the core kinds were probed.
    return hidden, missing


def missing_id(db: psycopg.Connection, table: str, key: str) -> object:
    """An id of the key's type that no row has."""
    row = db.execute(
        """select format_type(a.atttypid, null) from pg_attribute a
            where a.attrelid = %s::regclass and a.attname = %s""",
        (table, key),
    ).fetchone()
    assert row is not None
    if row[0] == "uuid":
        return uuid.uuid4()
    query = sql.SQL("select coalesce(max({}), 0) + 1000 from {}").format(
        sql.Identifier(key), sql.Identifier(*table.split("."))
    )
    found = db.execute(query).fetchone()
    assert found is not None
    return int(found[0])


def value_for(name: str, type_name: str) -> object:
    if name in VALUES_BY_NAME:
        return VALUES_BY_NAME[name]
    if type_name in VALUES_BY_TYPE:
        return VALUES_BY_TYPE[type_name]
    if type_name == "uuid":
        return uuid.uuid4()
    raise AssertionError(f"no probe value for {name} {type_name}: add one to VALUES_BY_TYPE")


def is_id_like(name: str) -> bool:
    return name == "id" or name.endswith("_id")


@pytest.fixture
def hidden_things(db: psycopg.Connection, people: People) -> None:
    """Rows of every id kind the callers cannot see: a stranger, the admin's session and passkey."""
    db.execute(
        """insert into app.users (tenant_id, object_id, display_name, email)
           values (gen_random_uuid(), gen_random_uuid(), 'Yan Hidden', 'yan@example.com')"""
    )
    open_dev_session(db, people["admin"].email, 3600)
    db.execute(
        """insert into auth.passkeys (user_id, credential_id, public_key, backup_eligible, backed_up, name)
           values (%s, %s, '\\x01', false, false, 'Admin''s key')""",
        (people["admin"].id, uuid.uuid4().bytes + uuid.uuid4().bytes),
    )
    # Internal notes and cancelled requests are among the hidden ones (seeded).


def api_functions(db: psycopg.Connection) -> list[tuple[str, list[tuple[str, str]]]]:
    rows = db.execute(
        """select p.proname,
                  coalesce(p.proargnames[1:p.pronargs], '{}'),
                  array(select format_type(t, null) from unnest(p.proargtypes) t)
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'api' and p.prokind = 'f'
              and has_function_privilege('web_user', p.oid, 'EXECUTE')
            order by 1"""
    ).fetchall()
    # An unnamed argument (a raw body, `api.upload_attachment(bytea)`) has no name.
    return [
        (name, list(zip([*names, *[""] * (len(types) - len(names))], types, strict=True)))
        for name, names, types in rows
    ]


def test_every_api_function_refuses_hidden_ids_as_missing_ones(
    db: psycopg.Connection, people: People, hidden_things: None
) -> None:
    checked = []
    for function, args in api_functions(db):
        if len(args) == 1 and args[0][1].startswith("api."):
            continue  # a computed field (api.version): it takes a row the caller read, not an id
        id_args = [name for name, _ in args if is_id_like(name)]
        kind_of = {
            name: FUNCTION_ID_ARGS.get(function, name) if name == "id" else name for name in id_args
        }
        unknown = [name for name in id_args if kind_of[name] not in ID_KINDS]
        assert not unknown, f"api.{function}: say which table {unknown} point into (ID_KINDS)"
        for probed in id_args:
            for name in CALLERS:
                caller = people[name]
                hidden, missing = probes(db, caller, kind_of[probed])
                if hidden:
                    checked.append(f"{function}({probed}) as {name}")
                params = {n: value_for(n, t) for n, t in args if n != probed}
                call = sql.SQL("select * from api.{}({})").format(
                    sql.Identifier(function),
                    sql.SQL(", ").join(
                        sql.SQL("{} => {}").format(sql.Identifier(n), sql.Placeholder(n))
                        for n, _ in args
                    ),
                )
                expected = Outcome.of(
                    run_as(db, caller, call, {**params, probed: missing}), missing
                )
                for thing in hidden:
                    got = Outcome.of(run_as(db, caller, call, {**params, probed: thing}), thing)
                    assert got == expected, f"api.{function}({probed}={thing}) as {name}"
    # The enumeration reached the functions this file was written against.
    for function in ("transition_request", "allowed_transitions", "verify_audit", "move_request"):
        assert f"{function}(request_id) as alice" in checked
    assert "revoke_session(session_id) as ivan" in checked
    assert "disable_person(person_id) as alice" in checked


def writable_views(db: psycopg.Connection) -> list[tuple[str, str, list[str], list[str], bool]]:
    """(view, base table, insertable columns, updatable columns, deletable)."""
    rows = db.execute(
        """select c.relname, u.table_schema || '.' || u.table_name,
                  array(select a.attname from pg_attribute a
                         where a.attrelid = c.oid and a.attnum > 0
                           and has_column_privilege('web_user', c.oid, a.attnum, 'INSERT') order by a.attnum),
                  array(select a.attname from pg_attribute a
                         where a.attrelid = c.oid and a.attnum > 0
                           and has_column_privilege('web_user', c.oid, a.attnum, 'UPDATE') order by a.attnum),
                  has_table_privilege('web_user', c.oid, 'DELETE')
             from pg_class c
             join pg_namespace n on n.oid = c.relnamespace
             join information_schema.view_table_usage u
               on u.view_schema = n.nspname and u.view_name = c.relname
            where n.nspname = 'api' and c.relkind = 'v'
              and (has_any_column_privilege('web_user', c.oid, 'INSERT')
                   or has_any_column_privilege('web_user', c.oid, 'UPDATE')
                   or has_table_privilege('web_user', c.oid, 'DELETE'))
            order by 1"""
    ).fetchall()
    return [(v, base, list(ins), list(upd), bool(dele)) for v, base, ins, upd, dele in rows]


def view_columns(db: psycopg.Connection, view: str) -> list[str]:
    rows = db.execute(
        """select attname from pg_attribute where attrelid = %s::regclass and attnum > 0
            order by attnum""",
        (f"api.{view}",),
    ).fetchall()
    return [r[0] for r in rows]


def test_every_writable_api_view_refuses_hidden_ids_as_missing_ones(
    db: psycopg.Connection, people: People, hidden_things: None
) -> None:
    checked = []
    for view, base, insertable, updatable, deletable in writable_views(db):
        columns = view_columns(db, view)
        # The view's own rows by `id` point into its base table.
        kinds = {c: ID_KINDS.get(c) for c in columns if is_id_like(c) and c != "id"}
        unknown = [c for c, kind in kinds.items() if kind is None]
        assert not unknown, f"api.{view}: say which table {unknown} point into (ID_KINDS)"
        target = sql.Identifier("api", view)
        for name in CALLERS:
            caller = people[name]

            keys = (["id"] if "id" in columns else []) + [c for c in kinds if c in columns]
            for probed in [c for c in insertable if c in kinds]:
                others = [c for c in insertable if c != probed]
                for internal in [False, True] if "internal" in others else [None]:
                    values = {c: value_for(c, "text") for c in others if c != "internal"}
                    if internal is not None:
                        values["internal"] = internal
                    query = sql.SQL("insert into {} ({}) values ({})").format(
                        target,
                        sql.SQL(", ").join(map(sql.Identifier, [probed, *values])),
                        sql.SQL(", ").join(
                            [sql.Placeholder("probe"), *map(sql.Placeholder, values)]
                        ),
                    )
                    label = assert_same_outcome(db, caller, base, query, probed, values)
                    checked.append(f"{view} {label}")
            if updatable:
                touched = sql.Identifier(updatable[0])
                for key in keys:
                    query = sql.SQL("update {} set {} = {} where {} = {}").format(
                        target, touched, touched, sql.Identifier(key), sql.Placeholder("probe")
                    )
                    label = assert_same_outcome(db, caller, base, query, key, {})
                    checked.append(f"{view} {label}")
                # Pointing a row the caller may change at a hidden thing.
                own = first_visible_row(db, caller, view)
                for probed in [c for c in updatable if c in kinds and own is not None]:
                    query = sql.SQL("update {} set {} = {} where id = {}").format(
                        target, sql.Identifier(probed), sql.Placeholder("probe"), sql.Literal(own)
                    )
                    label = assert_same_outcome(db, caller, base, query, probed, {})
                    checked.append(f"{view} {label}")
            if deletable:
                for key in keys:
                    query = sql.SQL("delete from {} where {} = {}").format(
                        target, sql.Identifier(key), sql.Placeholder("probe")
                    )
                    label = assert_same_outcome(db, caller, base, query, key, {})
                    checked.append(f"{view} {label}")
    assert "comments insert request_id as alice" in checked
    assert "requests update assignee_id as ivan" in checked
    assert "my_passkeys delete id as alice" in checked


def assert_same_outcome(
    db: psycopg.Connection,
    caller: Person,
    base: str,
    query: sql.Composed,
    probed: str,
    params: dict[str, object],
) -> str:
    """Run `query` with each hidden id and a missing one as `probe`; all must answer alike."""
    hidden, missing = (
        probes_of_base(db, caller, base) if probed == "id" else probes(db, caller, probed)
    )
    expected = Outcome.of(run_as(db, caller, query, {**params, "probe": missing}), missing)
    for thing in hidden:
        got = Outcome.of(run_as(db, caller, query, {**params, "probe": thing}), thing)
        assert got == expected, f"{query.as_string(db)} with {thing} as {caller.name}"
    verb = query.as_string(db).split()[0]
    return f"{verb} {probed} as {caller.name}" if hidden else f"{verb} {probed} unprobed"


def probes_of_base(
    db: psycopg.Connection, caller: Person, base: str
) -> tuple[list[object], object]:
    kinds = [k for k, (table, _) in ID_KINDS.items() if table == base]
    assert kinds, f"say which kind of id points into {base} (ID_KINDS)"
    return probes(db, caller, kinds[0])


def first_visible_row(db: psycopg.Connection, caller: Person, view: str) -> object | None:
    if "id" not in view_columns(db, view):
        return None
    with db.transaction(force_rollback=True):
        authenticate_as(db, caller)
        row = db.execute(
            sql.SQL("select id from {} order by id limit 1").format(sql.Identifier("api", view))
        ).fetchone()
    return None if row is None else row[0]


# The refusals the issue reproduced, one by one.


def test_commenting_on_a_hidden_request_says_only_that_there_is_none(
    db: psycopg.Connection, people: People
) -> None:
    cancelled_admin_request = db.execute(
        """select id from app.requests
            where status = 'cancelled' and category in ('OPS', 'ADMIN') and requester_id <> %s
            limit 1""",
        (people["hana"].id,),
    ).fetchone()
    hidden_it_request = db.execute(
        "select id from app.requests where category = 'IT' and requester_id <> %s limit 1",
        (people["hana"].id,),
    ).fetchone()
    assert cancelled_admin_request and hidden_it_request
    for request_id, internal in [(cancelled_admin_request[0], False), (hidden_it_request[0], True)]:
        with pytest.raises(psycopg.Error) as refused, db.transaction():
            authenticate_as(db, people["hana"])
            db.execute(
                "insert into api.comments (request_id, body, internal) values (%s, 'x', %s)",
                (request_id, internal),
            )
        assert refused.value.sqlstate == "PT404"
        assert refused.value.diag.message_primary == (
            f"There is no request {request_id} that you can see."
        )
    clear_authentication(db)


def test_an_assignment_refusal_does_not_name_a_hidden_person(
    db: psycopg.Connection, people: People
) -> None:
    stranger = db.execute(
        """insert into app.users (tenant_id, object_id, display_name, email)
           values (gen_random_uuid(), gen_random_uuid(), 'Zed Stranger', 'zed@example.com')
           returning id"""
    ).fetchone()
    it_request = db.execute(
        "select id from app.requests where category = 'IT' and status = 'open' limit 1"
    ).fetchone()
    assert stranger and it_request
    outcomes = []
    for assignee in (stranger[0], uuid.uuid4()):
        with pytest.raises(psycopg.Error) as refused, db.transaction():
            authenticate_as(db, people["ivan"])
            db.execute(
                "update api.requests set assignee_id = %s where id = %s", (assignee, it_request[0])
            )
        outcomes.append((refused.value.sqlstate, refused.value.diag.message_primary))
    assert "Zed" not in str(outcomes[0])
    assert outcomes[0] == outcomes[1]
    clear_authentication(db)


def test_a_non_admin_learns_nothing_about_a_person_from_agent_rights(
    db: psycopg.Connection, people: People
) -> None:
    entra_person = db.execute(
        """insert into app.users (tenant_id, object_id, display_name, email, rights_from_entra)
           values (gen_random_uuid(), gen_random_uuid(), 'Eve Entra', 'eve@example.com', true)
           returning id"""
    ).fetchone()
    assert entra_person
    outcomes = []
    for person_id in (entra_person[0], uuid.uuid4()):
        with pytest.raises(psycopg.Error) as refused, db.transaction():
            authenticate_as(db, people["alice"])
            db.execute(
                "insert into api.team_members (user_id, category) values (%s, 'IT')", (person_id,)
            )
        outcomes.append((refused.value.sqlstate, refused.value.diag.message_primary))
    assert outcomes[0] == outcomes[1] == ("42501", "Only an admin can do this.")
    clear_authentication(db)
