"""Sign-in accounting that a flood cannot turn into rows (issue #13, item 5):
refused attempts are counted in memory, and a retention job deletes old
login events, long-ended sessions and expired sign-in states and challenges,
with metrics for both."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.authsvc.conftest import LocalAuthsvcFactory
from tests.authsvc.metrics_scrape import poll, sample


async def test_a_flood_of_refused_sign_ins_writes_one_row_not_one_each(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory
) -> None:
    authsvc = await local_authsvc(rate_limit_per_address=3, rate_limit_window_seconds=3600)
    address = f"198.51.100.{uuid.uuid4().int % 250 + 1}"
    url = f"{authsvc.url}/auth/callback/azure?code=flood&state=flood"
    statuses = [
        (await authsvc.browser.get(url, headers={"X-Forwarded-For": address})).status_code
        for _ in range(20)
    ]
    assert statuses.count(429) >= 16, statuses
    with stack.connect() as conn:
        rows: dict[str, int] = dict(
            conn.execute(
                "select result, count(*) from auth.login_events where ip = %s::inet"
                " and at > now() - interval '10 minutes' group by result",
                (address,),
            ).fetchall()
        )
    # Three ordinary failures, and one row for the first refusal of the
    # window (two if the burst straddled a window's end).
    assert rows.get("failure", 0) <= 6
    assert 1 <= rows["rate_limited"] <= 2, rows
    # Every refusal is still counted, in memory.
    assert await sample(
        authsvc, "authsvc_rate_limited_total", endpoint="callback"
    ) == statuses.count(429)
    assert await sample(
        authsvc, "authsvc_sign_ins_total", method="azure", result="rate_limited"
    ) == statuses.count(429)


async def test_retention_deletes_old_rows_and_counts_them(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory
) -> None:
    # A person of the test's own, with a session that ended 40 days ago.
    signer = await local_authsvc()
    assert (await signer.sign_in()).status_code == 302
    marker = f"retention-test-{uuid.uuid4().hex[:8]}"
    with stack.connect() as conn:
        person = conn.execute(
            "select id from app.users where object_id = %s", (signer.entra.object_id,)
        ).fetchone()
        assert person is not None
        conn.execute(
            "update auth.sessions set created_at = now() - interval '41 days',"
            " last_seen_at = now() - interval '41 days', expires_at = now() - interval '40 days'"
            " where user_id = %s",
            (person[0],),
        )
        conn.execute(
            "insert into auth.login_events (at, method, result, reason)"
            " values (now() - interval '100 days', 'azure', 'failure', %s),"
            "        (now() - interval '1 day', 'azure', 'failure', %s)",
            (marker, marker),
        )
        conn.execute(
            "insert into auth.signin_states (state_hash, created_at, expires_at)"
            " values (sha256(convert_to(%s, 'UTF8')), now() - interval '1 hour',"
            " now() - interval '50 minutes')",
            (marker,),
        )

    authsvc = await local_authsvc(retention_interval_seconds=0.2)

    async def old_rows_gone() -> bool:
        with stack.connect() as conn:
            left = conn.execute(
                "select (select count(*) from auth.login_events where reason = %s),"
                " (select count(*) from auth.sessions where user_id = %s),"
                " (select count(*) from auth.signin_states"
                "   where state_hash = sha256(convert_to(%s, 'UTF8')))",
                (marker, person[0], marker),
            ).fetchone()
        return left == (1, 0, 0)

    await poll(old_rows_gone)
    for table in ("login_events", "sessions", "signin_states"):
        assert await sample(authsvc, "authsvc_retention_deleted_rows_total", table=table) >= 1
    assert await sample(authsvc, "authsvc_retention_last_success_timestamp_seconds") > 0
    with stack.connect() as conn:
        kept = conn.execute(
            "select count(*) from auth.login_events where reason = %s and at > now() - interval '2 days'",
            (marker,),
        ).fetchone()
    assert kept == (1,)


def test_retention_refuses_to_empty_the_login_history(stack: LocalStack) -> None:
    with (
        stack.connect() as conn,
        pytest.raises(psycopg.errors.InvalidParameterValue, match="at least a day"),
    ):
        conn.execute(
            "select * from auth.delete_expired_sign_in_rows(interval '1 hour', interval '0')"
        )
