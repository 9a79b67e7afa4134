"""Passkeys through Caddy: add one after an Azure sign-in, sign in with it
without a username, and what is stored (docs/ARCHITECTURE.md, "Sign-in")."""

from __future__ import annotations

import json

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from devstack.stack import LocalStack
from tests.authsvc.conftest import NewBrowser
from tests.authsvc.passkey_flow import (
    WEBAUTHN_COOKIE,
    finish_login,
    finish_registration,
    login_options,
    new_person,
    passkey_sign_in,
    register,
    registration_options,
)
from tests.authsvc.soft_authenticator import (
    CredentialExcluded,
    SoftAuthenticator,
    b64url,
    from_b64url,
)


async def test_registration_options_ask_for_a_verified_discoverable_passkey(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    options = await registration_options(stack, person.browser)
    assert options["rp"] == {"id": "localhost", "name": "Reqstly"}
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["requireResidentKey"] is True
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert options["attestation"] == "none"
    assert options["excludeCredentials"] == []
    assert -7 in [p["alg"] for p in options["pubKeyCredParams"]]
    assert len(from_b64url(options["challenge"])) == 32
    # The user handle is random: neither the database id nor the email.
    handle = from_b64url(options["user"]["id"])
    assert len(handle) == 32
    assert person.id.encode() not in handle
    assert options["user"]["name"] == person.email
    with stack.connect() as conn:
        stored = conn.execute(
            "select webauthn_user_id from app.users where id = %s", (person.id,)
        ).fetchone()
    assert stored == (handle,)
    # The same handle next time.
    again = await registration_options(stack, person.browser)
    assert again["user"]["id"] == options["user"]["id"]
    assert again["challenge"] != options["challenge"]

    cookie = person.browser.last_set_cookies[WEBAUTHN_COOKIE]
    assert cookie.flags == {"httponly", "secure"}
    assert cookie.attributes == {"path": "/", "samesite": "Strict", "max-age": "300"}
    with stack.connect() as conn:
        row = conn.execute(
            "select purpose, user_id::text, expires_at - created_at <= interval '5 minutes',"
            " binding_hash = sha256(convert_to(%s, 'UTF8'))"
            " from auth.webauthn_challenges where challenge = %s",
            (cookie.value, from_b64url(again["challenge"])),
        ).fetchone()
    assert row == ("register", person.id, True, True)


async def test_register_then_sign_in_without_a_username(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    added = await register(stack, person, name="  My laptop  ", sign_count=3)
    assert added["name"] == "My laptop"
    credential = person.authenticator.only()
    with stack.connect() as conn:
        stored = conn.execute(
            "select user_id::text, sign_count, transports, aaguid::text, backup_eligible, backed_up,"
            " name, created_at is not null, last_used_at from auth.passkeys where credential_id = %s",
            (credential.credential_id,),
        ).fetchone()
    assert stored == (
        person.id,
        3,
        ["hybrid", "internal"],
        "adce0002-35bc-c60a-648b-0b25f1f05503",
        False,
        False,
        "My laptop",
        True,
        None,
    )

    # A new browser, nobody signed in: usernameless options, then verify.
    browser = new_browser()
    options = await login_options(stack, browser)
    assert options["allowCredentials"] == []
    assert options["userVerification"] == "required"
    assert options["rpId"] == "localhost"
    response = await finish_login(stack, browser, person.authenticator.get(options))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["person"]["id"] == person.id
    assert body["method"] == "passkey"
    assert {"__Host-reqstly_at", "__Host-reqstly_session"} <= set(browser.cookies)
    assert browser.last_set_cookies["__Host-reqstly_session"].attributes["samesite"] == "Strict"

    claims = jwt.decode(
        browser.cookies["__Host-reqstly_at"],
        KeySet.import_key_set(json.loads(stack.jwks_path.read_text())),
        algorithms=["ES256"],
    ).claims
    assert claims["amr"] == ["passkey"]
    assert claims["sub"] == person.id
    me = await browser.get(f"{stack.origin}/rest/me")
    assert me.status_code == 200
    assert me.json()[0]["id"] == person.id
    session = await browser.get(f"{stack.origin}/auth/session")
    assert session.json()["method"] == "passkey"

    with stack.connect() as conn:
        used = conn.execute(
            "select sign_count, last_used_at is not null from auth.passkeys where credential_id = %s",
            (credential.credential_id,),
        ).fetchone()
        session_row = conn.execute(
            "select method, user_id::text from auth.sessions where id = %s", (claims["sid"],)
        ).fetchone()
        event = conn.execute(
            "select method, result, reason from auth.login_events where user_id = %s"
            " order by id desc limit 1",
            (person.id,),
        ).fetchone()
    assert used == (4, True)
    assert session_row == ("passkey", person.id)
    assert event == ("passkey", "success", None)


async def test_a_synced_passkey_without_a_counter_signs_in_again_and_again(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    await register(stack, person, backup_eligible=True, backed_up=False, counts=False)
    for backed_up in (True, True):
        response = await passkey_sign_in(
            stack, new_browser(), person.authenticator, backed_up=backed_up
        )
        assert response.status_code == 200, response.text
    with stack.connect() as conn:
        row = conn.execute(
            "select sign_count, backup_eligible, backed_up from auth.passkeys where user_id = %s",
            (person.id,),
        ).fetchone()
    assert row == (0, True, True)


async def test_the_default_name_and_exclude_credentials(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    first = await register(stack, person)
    assert first["name"].startswith("Passkey added 20")
    options = await registration_options(stack, person.browser)
    assert [c["id"] for c in options["excludeCredentials"]] == [
        b64url(person.authenticator.only().credential_id)
    ]
    # The same authenticator refuses to make a second one for us.
    with pytest.raises(CredentialExcluded):
        person.authenticator.create(options)
    # Another authenticator (a phone) may add a second passkey.
    phone = SoftAuthenticator(origin=stack.origin)
    response = await finish_registration(stack, person.browser, phone.create(options), name="Phone")
    assert response.status_code == 201, response.text
    with stack.connect() as conn:
        count = conn.execute(
            "select count(*) from auth.passkeys where user_id = %s", (person.id,)
        ).fetchone()
    assert count == (2,)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the passkey a name."),
        ("x" * 101, "The name is 101 characters long; keep a passkey's name to 100."),
        ("two\nlines", "A passkey's name cannot contain line breaks or control characters."),
    ],
    ids=["empty", "too-long", "control"],
)
async def test_a_bad_name_is_refused_in_words(
    stack: LocalStack, new_browser: NewBrowser, name: str, message: str
) -> None:
    person = await new_person(stack, new_browser)
    options = await registration_options(stack, person.browser)
    response = await finish_registration(
        stack, person.browser, person.authenticator.create(options), name=name
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_passkey_name",
        "message": message,
        "details": "name",
    }


async def test_registering_a_known_credential_id_is_refused(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    await register(stack, person)
    taken = person.authenticator.only().credential_id
    # Another person's authenticator claims the same credential id.
    other = await new_person(stack, new_browser)
    options = await registration_options(stack, other.browser)
    response = await finish_registration(
        stack, other.browser, other.authenticator.create(options, credential_id=taken)
    )
    assert response.status_code == 409
    assert response.json()["error"] == "passkey_already_registered"
    with stack.connect() as conn:
        owner = conn.execute(
            "select user_id::text from auth.passkeys where credential_id = %s", (taken,)
        ).fetchone()
    assert owner == (person.id,)


async def test_a_credential_id_other_than_the_attested_one_is_refused(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    options = await registration_options(stack, person.browser)
    credential = person.authenticator.create(options)
    credential["id"] = credential["rawId"] = b64url(b"someone-else's-credential-id")
    response = await finish_registration(stack, person.browser, credential)
    assert response.status_code == 400
    assert response.json()["error"] == "passkey_registration_failed"
