"""Structural rules every migration must keep (STYLE: database tests)."""

import re

import psycopg
import pytest

from devstack.paths import MIGRATIONS


def test_every_table_in_app_and_auth_has_row_level_security(db: psycopg.Connection) -> None:
    missing = db.execute(
        """select n.nspname || '.' || c.relname
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('app', 'auth') and c.relkind in ('r', 'p') and not c.relrowsecurity"""
    ).fetchall()
    assert missing == []


def test_nothing_in_api_is_executable_by_public(db: psycopg.Connection) -> None:
    executable = db.execute(
        """select p.oid::regprocedure::text
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in ('api', 'app', 'auth')
              and (p.proacl is null or exists (
                    select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'))"""
    ).fetchall()
    assert executable == []


def test_every_security_definer_function_pins_search_path(db: psycopg.Connection) -> None:
    unpinned = db.execute(
        """select p.oid::regprocedure::text
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in ('api', 'app', 'auth') and p.prosecdef
              and not coalesce('search_path=pg_catalog, pg_temp' = any (p.proconfig), false)"""
    ).fetchall()
    assert unpinned == []


def test_every_function_states_a_pinned_search_path_or_is_sql_in_app(
    db: psycopg.Connection,
) -> None:
    # Invoker functions too: a caller's search_path must never change what they resolve.
    unpinned = db.execute(
        """select p.oid::regprocedure::text
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in ('api', 'app', 'auth')
              and not coalesce(exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%'), false)"""
    ).fetchall()
    assert unpinned == []


def test_every_api_view_is_security_invoker(db: psycopg.Connection) -> None:
    definer_views = db.execute(
        """select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'api' and c.relkind = 'v'
              and not coalesce('security_invoker=true' = any (c.reloptions), false)"""
    ).fetchall()
    assert definer_views == []


@pytest.mark.parametrize("role", ["web_user", "web_anon", "authsvc", "reqstly_admin", "monitoring"])
@pytest.mark.parametrize("privilege", ["INSERT", "UPDATE", "DELETE", "TRUNCATE"])
def test_nobody_can_write_the_audit_log(db: psycopg.Connection, role: str, privilege: str) -> None:
    for table in ("app.audit_log", "app.audit_heads"):
        allowed = db.execute(
            "select has_table_privilege(%s, %s, %s)", (role, table, privilege)
        ).fetchone()
        assert allowed == (False,), f"{role} may {privilege} {table}"


@pytest.mark.parametrize(
    "column", ["status", "requester_id", "key", "number", "created_at", "updated_at", "resolved_at"]
)
@pytest.mark.parametrize("role", ["web_user", "reqstly_admin"])
def test_state_columns_are_never_granted(db: psycopg.Connection, role: str, column: str) -> None:
    for privilege in ("INSERT", "UPDATE"):
        allowed = db.execute(
            "select has_column_privilege(%s, 'app.requests', %s, %s)", (role, column, privilege)
        ).fetchone()
        assert allowed == (False,), f"{role} may {privilege} requests.{column}"


def test_web_anon_can_read_nothing(db: psycopg.Connection) -> None:
    readable = db.execute(
        """select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('api', 'app', 'auth') and c.relkind in ('r', 'v')
              and has_table_privilege('web_anon', c.oid, 'SELECT')"""
    ).fetchall()
    assert readable == []


def test_the_api_schema_holds_no_tables(db: psycopg.Connection) -> None:
    tables = db.execute(
        """select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'api' and c.relkind in ('r', 'p')"""
    ).fetchall()
    assert tables == []


def test_trigger_functions_are_named_for_their_table_or_generic(db: psycopg.Connection) -> None:
    """`tg_<table>__<task>` serves triggers on <table> only; `tg__<task>` is generic."""
    misnamed = db.execute(
        """select t.tgname || ' on ' || t.tgrelid::regclass::text || ' → ' || p.oid::regproc::text
             from pg_trigger t
             join pg_proc p on p.oid = t.tgfoid
             join pg_class c on c.oid = t.tgrelid
             join pg_namespace n on n.oid = c.relnamespace
            where not t.tgisinternal and n.nspname in ('app', 'auth')
              and p.proname not like 'tg\\_\\_%'
              and p.proname not like 'tg\\_' || replace(c.relname, '_', '\\_') || '\\_\\_%'"""
    ).fetchall()
    assert misnamed == []


def test_every_function_states_its_volatility() -> None:
    """In the newest definition of each function (or an `alter function … volatile` after it)."""
    definition = re.compile(
        r"create (?:or replace )?function\s+([\w.]+)\s*\((.*?)\bas \$\$", re.S | re.I
    )
    altered = re.compile(r"alter function\s+([\w.]+)\s*\([^)]*\)\s+(?:volatile|stable|immutable)")
    dropped = re.compile(r"drop function (?:if exists )?([\w.]+)")
    stated: dict[str, tuple[str, bool]] = {}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name.endswith(".rollback.sql"):
            continue
        text = path.read_text()
        events: list[tuple[int, str, bool | None]] = [
            (m.start(), m.group(1), bool(re.search(r"\b(volatile|stable|immutable)\b", m.group(2))))
            for m in definition.finditer(text)
        ]
        events += [(m.start(), m.group(1), True) for m in altered.finditer(text)]
        events += [(m.start(), m.group(1), None) for m in dropped.finditer(text)]
        for _, name, says in sorted(events):
            if says is None:
                stated.pop(name, None)
            else:
                stated[name] = (path.name, says)
    unstated = sorted(f"{name} ({file})" for name, (file, says) in stated.items() if not says)
    assert unstated == []


def executable_by(db: psycopg.Connection, role: str) -> set[str]:
    rows = db.execute(
        """select p.oid::regprocedure::text
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in ('api', 'app', 'auth')
              and exists (select 1 from aclexplode(p.proacl) a
                           where a.grantee = %s::regrole and a.privilege_type = 'EXECUTE')""",
        (role,),
    ).fetchall()
    return {r[0] for r in rows}


def test_web_anon_may_execute_only_the_pre_request_check(db: psycopg.Connection) -> None:
    assert executable_by(db, "web_anon") == {"api.pre_request()"}


def test_authsvc_may_execute_only_its_auth_functions(db: psycopg.Connection) -> None:
    outside = {f for f in executable_by(db, "authsvc") if not f.startswith("auth.")}
    assert outside == set()
    assert "auth.require_authsvc()" not in executable_by(db, "authsvc")


@pytest.mark.parametrize("role", ["web_user", "web_anon", "authsvc", "reqstly_admin", "monitoring"])
def test_no_role_is_granted_a_trigger_function(db: psycopg.Connection, role: str) -> None:
    granted = {f for f in executable_by(db, role) if ".tg_" in f}
    assert granted == set()


def metrics_views() -> list[str]:
    return [
        "metrics.requests_by_status",
        "metrics.requests_created",
        "metrics.request_resolution_buckets",
        "metrics.request_resolution_totals",
        "metrics.oldest_open_request",
        "metrics.active_sessions",
        "metrics.audit_entries",
    ]


def test_the_list_of_metrics_views_is_complete(db: psycopg.Connection) -> None:
    views = db.execute(
        """select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'metrics' and c.relkind = 'v'"""
    ).fetchall()
    assert {v[0] for v in views} >= set(metrics_views())


@pytest.mark.parametrize("view", metrics_views())
def test_monitoring_reads_every_metrics_view(db: psycopg.Connection, view: str) -> None:
    """postgres-exporter connects as monitoring: functions a view calls are checked against it."""
    db.execute("set local role monitoring")
    rows = db.execute(f"select * from {view}").fetchall()
    db.execute("reset role")
    assert rows
