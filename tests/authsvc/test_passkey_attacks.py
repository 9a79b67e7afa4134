"""What a passkey sign-in or registration must refuse (docs/ARCHITECTURE.md, "Sign-in"), each
case with the refusal code the SPA sees and the login event it leaves."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from devstack.stack import LocalStack
from tests.authsvc.conftest import NewBrowser
from tests.authsvc.passkey_flow import (
    WEBAUTHN_COOKIE,
    Someone,
    finish_login,
    finish_registration,
    login_options,
    new_person,
    passkey_sign_in,
    register,
    registration_options,
)
from tests.authsvc.soft_authenticator import from_b64url


@pytest.fixture
async def registered(stack: LocalStack, new_browser: NewBrowser) -> Someone:
    """A person of the test's own with one passkey (counter at 5)."""
    person = await new_person(stack, new_browser)
    await register(stack, person, sign_count=5)
    return person


def last_event(stack: LocalStack, person: Someone) -> tuple[Any, ...] | None:
    with stack.connect() as conn:
        return conn.execute(
            "select method, result, reason from auth.login_events where user_id = %s"
            " order by id desc limit 1",
            (person.id,),
        ).fetchone()


def assert_refused(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"] == code
    assert "__Host-reqstly_session" not in response.headers.get("set-cookie", "")


async def test_a_replayed_assertion_is_refused(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    browser = new_browser()
    options = await login_options(stack, browser)
    assertion = registered.authenticator.get(options)
    assert (await finish_login(stack, browser, assertion)).status_code == 200
    assert_refused(await finish_login(stack, browser, assertion), 400, "sign_in_expired")


async def test_a_reused_challenge_is_refused(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    browser = new_browser()
    options = await login_options(stack, browser)
    assert (
        await finish_login(stack, browser, registered.authenticator.get(options))
    ).status_code == 200
    # A fresh, valid signature (higher count) over the used challenge.
    again = registered.authenticator.get(options)
    assert_refused(await finish_login(stack, browser, again), 400, "sign_in_expired")
    # Refused before the credential is looked up: the event names nobody.
    with stack.connect() as conn:
        event = conn.execute(
            "select user_id, method, result, reason from auth.login_events order by id desc limit 1"
        ).fetchone()
    assert event == (None, "passkey", "failure", "challenge_unknown_or_used")


async def test_an_expired_challenge_is_refused(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    browser = new_browser()
    options = await login_options(stack, browser)
    with stack.connect() as conn:
        conn.execute(
            "update auth.webauthn_challenges set created_at = now() - interval '10 minutes',"
            " expires_at = now() - interval '5 minutes' where challenge = %s",
            (from_b64url(options["challenge"]),),
        )
    response = await finish_login(stack, browser, registered.authenticator.get(options))
    assert_refused(response, 400, "sign_in_expired")
    with stack.connect() as conn:
        left = conn.execute(
            "select count(*) from auth.webauthn_challenges where challenge = %s",
            (from_b64url(options["challenge"]),),
        ).fetchone()
    assert left == (0,)


async def test_expired_challenges_are_cleaned_up_when_new_ones_are_issued(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    browser = new_browser()
    old = await login_options(stack, browser)
    with stack.connect() as conn:
        conn.execute(
            "update auth.webauthn_challenges set created_at = now() - interval '10 minutes',"
            " expires_at = now() - interval '6 minutes' where challenge = %s",
            (from_b64url(old["challenge"]),),
        )
    await login_options(stack, new_browser())
    with stack.connect() as conn:
        expired = conn.execute(
            "select count(*) from auth.webauthn_challenges where expires_at < now()"
        ).fetchone()
    assert expired == (0,)


async def test_a_challenge_from_another_browser_is_refused(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    victim, attacker = new_browser(), new_browser()
    options = await login_options(stack, victim)
    await login_options(stack, attacker)  # the attacker has a webauthn cookie of its own
    assert attacker.cookies[WEBAUTHN_COOKIE] != victim.cookies[WEBAUTHN_COOKIE]
    assertion = registered.authenticator.get(options)
    assert_refused(await finish_login(stack, attacker, assertion), 400, "sign_in_expired")
    # Without any webauthn cookie, likewise.
    bare = new_browser()
    assert_refused(await finish_login(stack, bare, assertion), 400, "sign_in_expired")
    # The challenge was not used up by those: the browser that asked still can.
    assert (await finish_login(stack, victim, assertion)).status_code == 200


async def test_a_registration_challenge_cannot_sign_in(
    stack: LocalStack, registered: Someone
) -> None:
    options = await registration_options(stack, registered.browser)
    assertion = registered.authenticator.get({"challenge": options["challenge"]})
    assert_refused(await finish_login(stack, registered.browser, assertion), 400, "sign_in_expired")


@pytest.mark.parametrize(
    ("change", "reason_start"),
    [
        (
            {"origin": "https://evil.example"},
            "InvalidAuthenticationResponse: Unexpected client data origin",
        ),
        (
            {"origin": "http://localhost:1"},
            "InvalidAuthenticationResponse: Unexpected client data origin",
        ),
        ({"rp_id": "evil.example"}, "InvalidAuthenticationResponse: Unexpected RP ID hash"),
        ({"user_verified": False}, "InvalidAuthenticationResponse: User verification is required"),
        (
            {"type_": "webauthn.create"},
            "InvalidAuthenticationResponse: Unexpected client data type",
        ),
        ({"sign_count": 5}, "InvalidAuthenticationResponse: Response sign count of 5"),
        ({"sign_count": 2}, "InvalidAuthenticationResponse: Response sign count of 2"),
        ({"backup_eligible": True}, "backup_eligibility_changed"),
    ],
    ids=[
        "foreign-origin",
        "other-port",
        "wrong-rp-id",
        "not-verified",
        "wrong-type",
        "count-same",
        "count-backwards",
        "backup-eligible-flipped",
    ],
)
async def test_a_bad_assertion_is_refused(
    stack: LocalStack,
    new_browser: NewBrowser,
    registered: Someone,
    change: dict[str, Any],
    reason_start: str,
) -> None:
    response = await passkey_sign_in(stack, new_browser(), registered.authenticator, **change)
    assert_refused(response, 400, "passkey_failed")
    event = last_event(stack, registered)
    assert event is not None
    assert event[:2] == ("passkey", "failure")
    assert event[2].startswith(reason_start), event[2]
    with stack.connect() as conn:
        unchanged = conn.execute(
            "select sign_count, last_used_at from auth.passkeys where user_id = %s",
            (registered.id,),
        ).fetchone()
    assert unchanged == (5, None)


async def test_a_flipped_backup_eligible_flag_is_refused_the_other_way_too(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    await register(stack, person, backup_eligible=True, backed_up=True, counts=False)
    response = await passkey_sign_in(
        stack, new_browser(), person.authenticator, backup_eligible=False, backed_up=False
    )
    assert_refused(response, 400, "passkey_failed")


async def test_someone_elses_credential_id_with_your_user_handle_is_refused(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    attacker = await new_person(stack, new_browser)
    await register(stack, attacker)
    options = await login_options(stack, attacker.browser)
    # The attacker's own key and user handle, naming the victim's credential.
    forged = attacker.authenticator.get(
        options, credential_id=registered.authenticator.only().credential_id
    )
    response = await finish_login(stack, attacker.browser, forged)
    assert_refused(response, 400, "passkey_failed")
    assert last_event(stack, registered) == ("passkey", "failure", "user_handle_mismatch")


async def test_your_credential_with_someone_elses_user_handle_is_refused(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    other = await new_person(stack, new_browser)
    await register(stack, other)
    response = await passkey_sign_in(
        stack,
        new_browser(),
        registered.authenticator,
        user_handle=other.authenticator.only().user_handle,
    )
    assert_refused(response, 400, "passkey_failed")


async def test_a_deleted_passkey_cannot_sign_in(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    listed = await registered.browser.get(f"{stack.origin}/rest/my_passkeys")
    (passkey,) = listed.json()
    deleted = await registered.browser.client.delete(
        f"{stack.origin}/rest/my_passkeys",
        params={"id": f"eq.{passkey['id']}"},
        headers={**registered.browser.cookie_header(), "Origin": stack.origin},
    )
    assert deleted.status_code == 204, deleted.text
    response = await passkey_sign_in(stack, new_browser(), registered.authenticator)
    assert_refused(response, 400, "passkey_unknown")


async def test_a_disabled_person_cannot_sign_in_with_a_passkey(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    with stack.connect() as conn:
        conn.execute("update app.users set disabled_at = now() where id = %s", (registered.id,))
    response = await passkey_sign_in(stack, new_browser(), registered.authenticator)
    assert_refused(response, 403, "sign_in_refused")
    assert last_event(stack, registered) == ("passkey", "refused", "person_disabled")


async def test_past_the_azure_reauth_window_the_code_sends_them_to_azure(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    with stack.connect() as conn:
        conn.execute(
            "update app.users set last_azure_sign_in_at = now() - interval '31 days' where id = %s",
            (registered.id,),
        )
    response = await passkey_sign_in(stack, new_browser(), registered.authenticator)
    assert_refused(response, 403, "azure_reauth_required")
    assert "Microsoft" in response.json()["message"]
    assert last_event(stack, registered) == ("passkey", "refused", "azure_sign_in_too_old")

    # Within the window (29 days ago) it works again.
    with stack.connect() as conn:
        conn.execute(
            "update app.users set last_azure_sign_in_at = now() - interval '29 days' where id = %s",
            (registered.id,),
        )
    assert (
        await passkey_sign_in(stack, new_browser(), registered.authenticator)
    ).status_code == 200


async def test_registration_needs_a_session(stack: LocalStack, new_browser: NewBrowser) -> None:
    browser = new_browser()
    options = await browser.post(f"{stack.origin}/auth/passkey/register/options")
    assert_refused(options, 401, "not_signed_in")
    verify = await browser.post(
        f"{stack.origin}/auth/passkey/register/verify", json={"credential": {}}
    )
    assert_refused(verify, 401, "not_signed_in")


async def test_a_registration_challenge_is_bound_to_its_person(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    first = await new_person(stack, new_browser)
    second = await new_person(stack, new_browser)
    options = await registration_options(stack, first.browser)
    credential = second.authenticator.create(options)
    # The second person's session, with the first one's webauthn cookie.
    second.browser.cookies[WEBAUTHN_COOKIE] = first.browser.cookies[WEBAUTHN_COOKIE]
    response = await finish_registration(stack, second.browser, credential)
    assert_refused(response, 400, "sign_in_expired")
    with stack.connect() as conn:
        count = conn.execute(
            "select count(*) from auth.passkeys where user_id in (%s, %s)",
            (first.id, second.id),
        ).fetchone()
    assert count == (0,)


@pytest.mark.parametrize(
    "change",
    [{"origin": "https://evil.example"}, {"rp_id": "evil.example"}, {"user_verified": False}],
    ids=["wrong-origin", "wrong-rp-id", "not-verified"],
)
async def test_a_bad_registration_is_refused(
    stack: LocalStack, new_browser: NewBrowser, change: dict[str, Any]
) -> None:
    person = await new_person(stack, new_browser)
    options = await registration_options(stack, person.browser)
    response = await finish_registration(
        stack, person.browser, person.authenticator.create(options, **change)
    )
    assert_refused(response, 400, "passkey_registration_failed")
    with stack.connect() as conn:
        count = conn.execute(
            "select count(*) from auth.passkeys where user_id = %s", (person.id,)
        ).fetchone()
    assert count == (0,)


async def test_two_concurrent_verifies_of_one_challenge_exactly_one_wins(
    stack: LocalStack, new_browser: NewBrowser, registered: Someone
) -> None:
    for _ in range(3):
        browser = new_browser()
        options = await login_options(stack, browser)
        # Two different valid answers (counts 6 and 7) racing on one challenge.
        first = registered.authenticator.get(options)
        second = registered.authenticator.get(options)
        responses = await asyncio.gather(
            finish_login(stack, browser, first), finish_login(stack, browser, second)
        )
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [200, 400], [r.text for r in responses]


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {}],
    ids=["foreign-origin", "cross-site", "no-proof"],
)
@pytest.mark.parametrize(
    "endpoint",
    [
        "/auth/passkey/register/options",
        "/auth/passkey/register/verify",
        "/auth/passkey/login/options",
        "/auth/passkey/login/verify",
    ],
)
async def test_a_foreign_origin_is_refused(
    stack: LocalStack, registered: Someone, headers: dict[str, str], endpoint: str
) -> None:
    response = await registered.browser.client.post(
        f"{stack.origin}{endpoint}",
        headers={**registered.browser.cookie_header(), **headers},
        json={"credential": {}},
    )
    assert_refused(response, 403, "cross_site_request")


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[]", b'{"credential": "x"}', b'{"credential": {"id": "x"}}'],
    ids=["not-json", "array", "string", "partial"],
)
async def test_garbage_is_refused_in_words(
    stack: LocalStack, new_browser: NewBrowser, body: bytes
) -> None:
    browser = new_browser()
    await login_options(stack, browser)
    response = await browser.post(
        f"{stack.origin}/auth/passkey/login/verify",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert set(response.json()) == {"error", "message"}
