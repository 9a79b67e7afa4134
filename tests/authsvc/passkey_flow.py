"""Passkey ceremonies driven over HTTP as the SPA drives them: through Caddy,
or straight at an in-process authsvc."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from devstack.stack import LocalStack
from tests.authsvc.browser import Browser
from tests.authsvc.conftest import LocalAuthsvc, NewBrowser, sign_in_with_stand_in
from tests.authsvc.soft_authenticator import SoftAuthenticator
from tests.people import create_stand_in_person

WEBAUTHN_COOKIE = "__Host-reqstly_webauthn"


@dataclass
class Someone:
    """A person of the test's own (demo people stay untouched), signed in
    through the OIDC stand-in in `browser`, with an authenticator."""

    sub: str
    id: str
    object_id: str
    email: str
    browser: Browser
    authenticator: SoftAuthenticator


async def new_person(stack: LocalStack, new_browser: NewBrowser) -> Someone:
    assert stack.sign_in is not None
    oidc = stack.sign_in.oidc
    with stack.connect() as conn:
        signer = create_stand_in_person(conn, oidc.url, oidc.people[0].tenant_id, "passkey")
    browser = new_browser()
    response = await sign_in_with_stand_in(stack, browser, signer.sub)
    assert response.status_code == 302, response.text
    return Someone(
        signer.sub,
        signer.person.id,
        signer.person.object_id,
        signer.person.email,
        browser,
        SoftAuthenticator(origin=stack.origin),
    )


async def registration_options(stack: LocalStack, browser: Browser) -> dict[str, Any]:
    response = await browser.post(f"{stack.origin}/auth/passkey/register/options")
    assert response.status_code == 200, response.text
    options: dict[str, Any] = response.json()
    return options


async def finish_registration(
    stack: LocalStack, browser: Browser, credential: dict[str, Any], name: str | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"credential": credential}
    if name is not None:
        body["name"] = name
    return await browser.post(f"{stack.origin}/auth/passkey/register/verify", json=body)


async def register(
    stack: LocalStack, person: Someone, name: str | None = None, **create: Any
) -> dict[str, Any]:
    """The whole registration; returns the verify answer's body."""
    options = await registration_options(stack, person.browser)
    credential = person.authenticator.create(options, **create)
    response = await finish_registration(stack, person.browser, credential, name)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def login_options(stack: LocalStack, browser: Browser) -> dict[str, Any]:
    response = await browser.post(f"{stack.origin}/auth/passkey/login/options")
    assert response.status_code == 200, response.text
    options: dict[str, Any] = response.json()
    return options


async def finish_login(
    stack: LocalStack, browser: Browser, credential: dict[str, Any]
) -> httpx.Response:
    return await browser.post(
        f"{stack.origin}/auth/passkey/login/verify", json={"credential": credential}
    )


async def passkey_sign_in(
    stack: LocalStack, browser: Browser, authenticator: SoftAuthenticator, **get: Any
) -> httpx.Response:
    """Options, the authenticator's answer, verify: the verify response."""
    options = await login_options(stack, browser)
    return await finish_login(stack, browser, authenticator.get(options, **get))


async def with_a_passkey_in_process(authsvc: LocalAuthsvc) -> SoftAuthenticator:
    """In an in-process authsvc: a new person signs in through the fake Entra
    ID and adds a passkey; their authenticator (the browser stays signed in)."""
    assert (await authsvc.sign_in()).status_code == 302
    browser = authsvc.browser
    options = await browser.post(f"{authsvc.url}/auth/passkey/register/options")
    assert options.status_code == 200, options.text
    authenticator = SoftAuthenticator(origin=authsvc.settings.public_origin)
    added = await browser.post(
        f"{authsvc.url}/auth/passkey/register/verify",
        json={"credential": authenticator.create(options.json())},
    )
    assert added.status_code == 201, added.text
    return authenticator
