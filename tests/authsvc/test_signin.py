"""The whole sign-in against the real OIDC stand-in, through Caddy."""

from __future__ import annotations

import psycopg
import pytest

from devstack.stack import LocalStack
from tests.authsvc.conftest import NewBrowser, NewSigner, SignIn, sign_in_with_stand_in


async def test_sign_in_then_the_api_answers_as_that_person(
    stack: LocalStack, new_browser: NewBrowser, new_signer: NewSigner
) -> None:
    person = new_signer()
    browser = new_browser()
    callback = await sign_in_with_stand_in(
        stack, browser, person.sub, next_path="/requests?tab=open"
    )
    assert callback.status_code == 302
    assert callback.headers["location"] == "/requests?tab=open"
    assert {"__Host-reqstly_at", "__Host-reqstly_session"} <= set(browser.cookies)
    assert "__Host-reqstly_signin" not in browser.cookies

    me = await browser.get(
        f"{stack.origin}/rest/me", headers={"Accept": "application/vnd.pgrst.object+json"}
    )
    assert me.status_code == 200, me.text
    person_id = person.person.id
    assert me.json()["id"] == person_id
    assert me.json()["email"] == person.person.email
    assert me.json()["agent_categories"] == []

    session = await browser.get(f"{stack.origin}/auth/session")
    assert session.status_code == 200
    body = session.json()
    assert body["person"] == {
        "id": person_id,
        "display_name": person.person.display_name,
        "email": person.person.email,
    }
    assert body["method"] == "azure"
    assert body["access_expires_at"].endswith("Z")
    assert body["session_expires_at"].endswith("Z")


async def test_without_a_session_the_session_endpoint_says_401(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    response = await new_browser().get(f"{stack.origin}/auth/session")
    assert response.status_code == 401
    assert response.json()["error"] == "not_signed_in"


async def test_refresh_mints_a_new_access_token(
    stack: LocalStack, sign_in: SignIn, new_signer: NewSigner
) -> None:
    person = new_signer()
    browser = await sign_in(person)
    first = browser.cookies["__Host-reqstly_at"]
    refreshed = await browser.post(f"{stack.origin}/auth/refresh")
    assert refreshed.status_code == 200, refreshed.text
    assert refreshed.json()["person"]["email"] == person.person.email
    assert browser.cookies["__Host-reqstly_at"] != first or refreshed.json()["access_expires_at"]
    me = await browser.get(f"{stack.origin}/rest/me")
    assert me.status_code == 200


async def test_sign_out_refuses_the_old_access_token_at_once(
    stack: LocalStack, sign_in: SignIn, new_signer: NewSigner
) -> None:
    browser = await sign_in(new_signer())
    old_access = browser.cookies["__Host-reqstly_at"]
    old_session = browser.cookies["__Host-reqstly_session"]
    assert (await browser.get(f"{stack.origin}/rest/me")).status_code == 200

    out = await browser.post(f"{stack.origin}/auth/logout")
    assert out.status_code == 200
    assert out.json() == {"signed_out": True}
    assert browser.last_set_cookies["__Host-reqstly_at"].attributes["max-age"] == "0"
    assert browser.last_set_cookies["__Host-reqstly_session"].attributes["max-age"] == "0"

    # The old, unexpired access token is refused by api.pre_request.
    replay = await browser.client.get(
        f"{stack.origin}/rest/me", headers={"Cookie": f"__Host-reqstly_at={old_access}"}
    )
    assert replay.status_code == 401
    # And the old session cannot be refreshed.
    again = await browser.client.post(
        f"{stack.origin}/auth/refresh",
        headers={"Origin": stack.origin, "Cookie": f"__Host-reqstly_session={old_session}"},
    )
    assert again.status_code == 401


@pytest.mark.parametrize(
    "column_change",
    [
        "expires_at = now() - interval '1 second'",
        "last_seen_at = now() - interval '2 hours'",
        "revoked_at = now()",
    ],
    ids=["absolute", "idle", "revoked"],
)
async def test_an_expired_session_cannot_refresh(
    stack: LocalStack, sign_in: SignIn, new_signer: NewSigner, column_change: str
) -> None:
    browser = await sign_in(new_signer())
    token = browser.cookies["__Host-reqstly_session"]
    with stack.connect() as conn:
        conn.execute(
            f"update auth.sessions set {column_change}, created_at = now() - interval '3 hours'"
            " where token_hash = sha256(convert_to(%s, 'UTF8'))",
            (token,),
        )
    refreshed = await browser.post(f"{stack.origin}/auth/refresh")
    assert refreshed.status_code == 401
    assert refreshed.json()["error"] == "not_signed_in"
    assert (await browser.get(f"{stack.origin}/auth/session")).status_code == 401


@pytest.mark.parametrize(
    "next_path", ["https://evil.example", "//evil.example", "/\\evil", "evil", "/ok\r\nX: y"]
)
async def test_an_open_redirect_is_refused(
    stack: LocalStack, new_browser: NewBrowser, next_path: str
) -> None:
    response = await new_browser().get(
        f"{stack.origin}/auth/login/azure", params={"next": next_path}
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unsafe_redirect"
    assert "location" not in response.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "", "Sec-Fetch-Site": "cross-site"},
        {"Origin": ""},
    ],
    ids=["foreign", "null", "cross-site", "no-proof"],
)
@pytest.mark.parametrize("endpoint", ["/auth/refresh", "/auth/logout"])
async def test_a_foreign_origin_is_refused(
    stack: LocalStack,
    sign_in: SignIn,
    new_signer: NewSigner,
    headers: dict[str, str],
    endpoint: str,
) -> None:
    browser = await sign_in(new_signer())
    sent = {k: v for k, v in headers.items() if v}
    cookie = browser.cookie_header()
    response = await browser.client.post(f"{stack.origin}{endpoint}", headers={**cookie, **sent})
    assert response.status_code == 403
    assert response.json()["error"] == "cross_site_request"
    # The session is untouched.
    assert (await browser.post(f"{stack.origin}/auth/refresh")).status_code == 200


async def test_same_origin_fetch_metadata_is_enough(
    stack: LocalStack, sign_in: SignIn, new_signer: NewSigner
) -> None:
    browser = await sign_in(new_signer())
    response = await browser.client.post(
        f"{stack.origin}/auth/refresh",
        headers={**browser.cookie_header(), "Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 200


async def test_a_disabled_person_cannot_sign_in(
    stack: LocalStack, new_browser: NewBrowser, new_signer: NewSigner
) -> None:
    person = new_signer()
    first = await sign_in_with_stand_in(stack, new_browser(), person.sub)
    assert first.status_code == 302
    with stack.connect() as conn:
        conn.execute(
            "update app.users set disabled_at = now() where object_id = %s",
            (person.person.object_id,),
        )
    refused = await sign_in_with_stand_in(stack, new_browser(), person.sub)
    assert refused.status_code == 403
    assert refused.json()["error"] == "sign_in_refused"


async def test_every_sign_in_and_sign_out_is_a_login_event(
    stack: LocalStack, sign_in: SignIn, new_signer: NewSigner
) -> None:
    person = new_signer()
    browser = await sign_in(person)
    await browser.post(f"{stack.origin}/auth/logout")
    with stack.connect() as conn:
        rows = conn.execute(
            "select result, method, host(ip), correlation_id is not null from auth.login_events"
            " where user_id = %s order by id",
            (person.person.id,),
        ).fetchall()
    assert [(result, method, has_id) for result, method, _, has_id in rows] == [
        ("success", "azure", True),
        ("sign_out", "azure", True),
    ]
    assert {address for _, _, address, _ in rows} <= {"127.0.0.1", "::1"}


async def test_config_and_health(stack: LocalStack, new_browser: NewBrowser) -> None:
    browser = new_browser()
    config = await browser.get(f"{stack.origin}/auth/config")
    assert config.json() == {
        "local_mode": True,
        "demo_people": ["alice", "ivan", "hana", "olga", "admin"],
    }
    health = await browser.get(f"{stack.origin}/auth/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok"}
    live = await browser.get(f"{stack.origin}/auth/livez")
    assert live.status_code == 200
    assert live.json() == {"status": "ok"}


def test_authsvc_has_no_table_rights(stack: LocalStack) -> None:
    with stack.connect("authsvc") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("select * from auth.sessions")
