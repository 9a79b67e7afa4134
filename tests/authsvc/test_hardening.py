"""Security properties: cookie flags, token claims and lifetimes, origins,
and no secret in any log line."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from authsvc.logs import JsonFormatter
from devstack.stack import LocalStack
from tests.authsvc.browser import SECRETS, Browser
from tests.authsvc.conftest import (
    LocalAuthsvcFactory,
    NewBrowser,
    NewSigner,
    SignIn,
    sign_in_with_stand_in,
)

JWT_SHAPE = re.compile(r"eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}")


async def test_cookie_flags(
    stack: LocalStack, new_browser: NewBrowser, new_signer: NewSigner
) -> None:
    browser = new_browser()
    start = await browser.get(f"{stack.origin}/auth/login/azure")
    signin = browser.last_set_cookies["__Host-reqstly_signin"]
    assert signin.flags == {"httponly", "secure"}
    assert signin.attributes == {"path": "/", "samesite": "Lax", "max-age": "600"}
    # Sealed: nothing of the transaction is readable in it.
    state = re.search(r"state=([\w-]+)", start.headers["location"])
    assert state is not None
    assert state.group(1) not in signin.value

    approved = await browser.client.post(start.headers["location"], data={"sub": new_signer().sub})
    await browser.get(approved.headers["location"])
    cookies = browser.last_set_cookies
    assert cookies["__Host-reqstly_at"].flags == {"httponly", "secure"}
    assert cookies["__Host-reqstly_at"].attributes == {
        "path": "/",
        "samesite": "Strict",
        "max-age": "300",
    }
    assert cookies["__Host-reqstly_session"].flags == {"httponly", "secure"}
    assert cookies["__Host-reqstly_session"].attributes == {
        "path": "/",
        "samesite": "Strict",
        "max-age": str(12 * 3600),
    }
    assert cookies["__Host-reqstly_signin"].attributes["max-age"] == "0"
    for cookie in cookies.values():
        assert "domain" not in cookie.attributes

    refreshed = await browser.post(f"{stack.origin}/auth/refresh")
    assert refreshed.headers["Cache-Control"] == "no-store"
    assert set(browser.last_set_cookies) == {"__Host-reqstly_at"}


async def test_access_token_claims_and_lifetime(
    stack: LocalStack, sign_in_browser: Browser
) -> None:
    token = sign_in_browser.cookies["__Host-reqstly_at"]
    jwks = KeySet.import_key_set(json.loads(stack.jwks_path.read_text()))
    decoded = jwt.decode(token, jwks, algorithms=["ES256"])
    assert decoded.header["alg"] == "ES256"
    assert decoded.header["kid"] == stack.signing_key.kid
    claims = decoded.claims
    assert set(claims) == {"sub", "role", "sid", "aud", "iat", "exp", "amr"}
    assert claims["role"] == "web_user"
    assert claims["aud"] == "reqstly"
    assert claims["amr"] == ["azure"]
    assert claims["exp"] - claims["iat"] == 300
    with stack.connect() as conn:
        row = conn.execute(
            "select user_id::text, method, expires_at - created_at, idle_timeout from auth.sessions where id = %s",
            (claims["sid"],),
        ).fetchone()
    assert row is not None
    assert row[0] == claims["sub"]
    assert row[1] == "azure"
    assert row[2].total_seconds() == 12 * 3600
    assert row[3].total_seconds() == 30 * 60


@pytest.fixture
async def sign_in_browser(sign_in: SignIn, new_signer: NewSigner) -> Browser:
    return await sign_in(new_signer())


async def test_session_tokens_are_stored_hashed(
    stack: LocalStack, sign_in_browser: Browser
) -> None:
    token = sign_in_browser.cookies["__Host-reqstly_session"]
    assert len(token) >= 43
    with stack.connect() as conn:
        stored = conn.execute(
            "select count(*) from auth.sessions where token_hash = sha256(convert_to(%s, 'UTF8'))",
            (token,),
        ).fetchone()
    assert stored == (1,)


async def test_no_secret_reaches_a_log(
    stack: LocalStack,
    new_browser: NewBrowser,
    local_authsvc: LocalAuthsvcFactory,
    caplog: pytest.LogCaptureFixture,
    new_signer: NewSigner,
) -> None:
    caplog.set_level(logging.DEBUG)
    # Every path that handles a secret: sign-in, refresh, sign-out, a failed
    # callback carrying a code, and the same in an in-process authsvc.
    browser = new_browser()
    await sign_in_with_stand_in(stack, browser, new_signer().sub)
    await browser.post(f"{stack.origin}/auth/refresh")
    await browser.post(f"{stack.origin}/auth/logout")
    await browser.get(f"{stack.origin}/auth/callback/azure?code=leaked-code-123456&state=x")
    SECRETS.add("leaked-code-123456")
    authsvc = await local_authsvc()
    await authsvc.sign_in()
    await authsvc.browser.post(f"{authsvc.url}/auth/refresh")

    assert stack.sign_in is not None
    secrets = {s for s in SECRETS if len(s) >= 12} | {
        stack.sign_in.client_secret,
        authsvc.settings.azure_client_secret,
    }
    formatter = JsonFormatter()
    # authsvc's own records (the test's HTTP client logs its URLs; authsvc
    # runs with aiohttp's access log off, see __main__).
    ours = [
        r for r in caplog.records if r.name.split(".")[0] == "authsvc" or r.name == "aiohttp.server"
    ]
    assert ours
    texts = {"in-process": "\n".join(formatter.format(record) for record in ours)}
    texts.update(_authsvc_logs(stack.run_dir))
    assert texts["authsvc-1.log"].count("\n") > 10
    for name, text in texts.items():
        leaked = [s[:6] + "…" for s in secrets if s in text]
        assert leaked == [], f"{name} contains secrets"
        assert not JWT_SHAPE.search(text), f"{name} contains a JWT"
        assert "code=" not in text
        assert "reqstly_session=" not in text


def _authsvc_logs(run_dir: Path) -> dict[str, str]:
    return {log_file.name: log_file.read_text() for log_file in run_dir.glob("authsvc*.log")}


def test_settings_never_print_secrets(stack: LocalStack) -> None:
    from authsvc.settings import Settings

    assert stack.sign_in is not None
    settings = Settings.from_env(stack.sign_in.env)
    printed = repr(settings) + str(settings)
    assert stack.sign_in.client_secret not in printed
    assert "authsvc@" not in printed


async def test_callback_codes_and_states_are_redacted_from_every_log_line(
    local_authsvc: LocalAuthsvcFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """aiohttp's access log (on in an in-process server) writes the callback's
    full URL; the formatter every authsvc line goes through redacts it."""
    caplog.set_level(logging.DEBUG)
    authsvc = await local_authsvc()
    query = await authsvc.authorize(await authsvc.start_sign_in())
    sent = {name: values[0] for name, values in parse_qs(query).items()}
    assert (await authsvc.callback(query)).status_code == 302
    lines = [
        JsonFormatter().format(record)
        for record in caplog.records
        if record.name.split(".")[0] in {"authsvc", "aiohttp"}
    ]
    callback_lines = [line for line in lines if "/auth/callback/azure" in line]
    assert callback_lines, "no log line names the callback"
    for line in lines:
        assert sent["code"] not in line
        assert sent["state"] not in line
    assert any("code=[redacted]" in line for line in callback_lines)


@pytest.mark.parametrize(
    ("headers", "with_cookies", "expected"),
    [
        ({}, False, 200),  # not a browser, and nothing of ours to forge with
        ({}, True, 403),  # our cookies need proof of our pages
        ({"Sec-Fetch-Site": "same-origin"}, True, 200),
        ({"Sec-Fetch-Site": "same-site"}, False, 403),
        ({"Origin": "https://evil.example"}, False, 403),
    ],
    ids=["no-headers", "cookies-no-proof", "same-origin", "same-site", "foreign-origin"],
)
async def test_the_one_same_origin_rule(
    stack: LocalStack,
    new_browser: NewBrowser,
    headers: dict[str, str],
    with_cookies: bool,
    expected: int,
) -> None:
    """docs/error_codes.md `cross_site_request`: the rule Caddy applies to /rest writes too."""
    browser = new_browser()
    await browser.post(f"{stack.origin}/auth/passkey/login/options")  # a webauthn cookie
    cookies = browser.cookie_header() if with_cookies else {}
    assert cookies or not with_cookies
    response = await browser.client.post(
        f"{stack.origin}/auth/passkey/login/options", headers={**cookies, **headers}
    )
    assert response.status_code == expected, response.text
    if expected == 403:
        assert response.json()["error"] == "cross_site_request"
