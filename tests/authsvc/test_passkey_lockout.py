"""Holding someone's passkey credential id is not enough to lock them out
(issue #13, item 6): bogus assertions count against the sender's address
for that credential, and the owner's account is counted only after a
signature verifies (docs/adr/0010-sign-in-accounting.md)."""

from __future__ import annotations

import secrets
from typing import Any

from devstack.stack import LocalStack
from tests.authsvc.browser import Browser
from tests.authsvc.conftest import LocalAuthsvc, LocalAuthsvcFactory, NewBrowser
from tests.authsvc.passkey_flow import with_a_passkey_in_process
from tests.authsvc.soft_authenticator import b64url

STRANGER = {"X-Forwarded-For": "203.0.113.66"}
ALICE_AT_HOME = {"X-Forwarded-For": "198.51.100.7"}


async def _sign_in(
    authsvc: LocalAuthsvc, browser: Browser, answer: Any, headers: dict[str, str]
) -> Any:
    options = await browser.post(f"{authsvc.url}/auth/passkey/login/options", headers=headers)
    assert options.status_code == 200, options.text
    return await browser.post(
        f"{authsvc.url}/auth/passkey/login/verify",
        json={"credential": answer(options.json())},
        headers=headers,
    )


async def test_a_stranger_with_the_credential_id_cannot_lock_the_owner_out(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory, new_browser: NewBrowser
) -> None:
    # The owner's allowance (3) is smaller than the failures one address may
    # make with a passkey (5, the default): a stranger could spend it if it
    # counted before the signature is verified.
    # An hour's window: a slow machine cannot carry the flood into a new one.
    authsvc = await local_authsvc(rate_limit_per_account=3, rate_limit_window_seconds=3600)
    authenticator = await with_a_passkey_in_process(authsvc)

    def bogus(options: dict[str, Any]) -> dict[str, Any]:
        """The owner's credential id and user handle, any signature."""
        answer = authenticator.get(options)
        answer["response"]["signature"] = b64url(secrets.token_bytes(72))
        return answer

    stranger = new_browser()
    statuses = [(await _sign_in(authsvc, stranger, bogus, STRANGER)).status_code for _ in range(8)]
    # Refused as failures, then the stranger's address is stopped for this passkey.
    assert statuses == [400, 400, 400, 400, 400, 429, 429, 429]

    owner = new_browser()
    genuine = await _sign_in(authsvc, owner, authenticator.get, ALICE_AT_HOME)
    assert genuine.status_code == 200, genuine.text
    assert genuine.json()["method"] == "passkey"
    assert "__Host-reqstly_session" in owner.cookies


async def test_the_owner_is_limited_per_account_once_verified(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory, new_browser: NewBrowser
) -> None:
    authsvc = await local_authsvc(rate_limit_per_account=2, rate_limit_window_seconds=3600)
    authenticator = await with_a_passkey_in_process(authsvc)
    browser = new_browser()
    statuses = [
        (await _sign_in(authsvc, browser, authenticator.get, ALICE_AT_HOME)).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
