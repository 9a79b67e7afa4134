"""authsvc fixtures: sign-in through the stack's OIDC stand-in, an in-process
authsvc against a fake Entra ID, and cookie-keeping browsers."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from authsvc.app import create_app
from authsvc.settings import Settings
from devstack.processes import free_port
from devstack.stack import DBNAME, LocalStack
from tests.authsvc.browser import Browser
from tests.authsvc.fake_entra import FakeEntra
from tests.people import StandInPerson, create_stand_in_person

NewBrowser = Callable[[], Browser]


@pytest.fixture
async def new_browser(stack: LocalStack) -> AsyncIterator[NewBrowser]:
    browsers: list[Browser] = []

    def make() -> Browser:
        browser = Browser(origin=stack.origin)
        browsers.append(browser)
        return browser

    yield make
    for browser in browsers:
        await browser.aclose()


async def sign_in_with_stand_in(
    stack: LocalStack, browser: Browser, sub: str, next_path: str = "/"
) -> Any:
    """The whole Azure sign-in through Caddy against the real OIDC stand-in.

    Returns the callback's response (a 302 to `next_path` on success).
    """
    start = await browser.get(f"{stack.origin}/auth/login/azure", params={"next": next_path})
    assert start.status_code == 302, start.text
    authorize_url = start.headers["location"]
    # The stand-in's form: POST the authorization URL with the subject.
    approved = await browser.client.post(authorize_url, data={"sub": sub})
    assert approved.status_code == 302, approved.text
    browser.remember(approved)
    callback = approved.headers["location"]
    assert callback.startswith(f"{stack.origin}/auth/callback/azure?")
    return await browser.get(callback)


NewSigner = Callable[[], StandInPerson]


@pytest.fixture
def new_signer(stack: LocalStack) -> NewSigner:
    """People of the test's own (tests.people's factory) who can sign in
    through the stand-in; the demo people stay untouched."""
    assert stack.sign_in is not None
    oidc = stack.sign_in.oidc

    def make() -> StandInPerson:
        with stack.connect() as conn:
            return create_stand_in_person(conn, oidc.url, oidc.people[0].tenant_id)

    return make


SignIn = Callable[[StandInPerson], Awaitable[Browser]]


@pytest.fixture
def sign_in(stack: LocalStack, new_browser: NewBrowser) -> SignIn:
    """Sign `someone` in through Caddy and the stand-in; their browser."""

    async def run(someone: StandInPerson) -> Browser:
        browser = new_browser()
        response = await sign_in_with_stand_in(stack, browser, someone.sub)
        assert response.status_code == 302, response.text
        return browser

    return run


@pytest.fixture
async def fake_entra() -> AsyncIterator[FakeEntra]:
    entra = FakeEntra()
    server = TestServer(entra.app(), host="127.0.0.1", port=free_port())
    await server.start_server()
    entra.url = str(server.make_url("")).rstrip("/")
    yield entra
    await server.close()


@dataclasses.dataclass
class LocalAuthsvc:
    """An in-process authsvc in Azure mode against the fake Entra ID."""

    url: str
    settings: Settings
    entra: FakeEntra
    browser: Browser

    async def start_sign_in(self, next_path: str = "/") -> str:
        """GET /auth/login/azure; returns the authorization URL."""
        response = await self.browser.get(
            f"{self.url}/auth/login/azure", params={"next": next_path}
        )
        assert response.status_code == 302, response.text
        return str(response.headers["location"])

    async def authorize(self, authorization_url: str) -> str:
        """The IdP's answer: the callback query string (code and state)."""
        response = await self.browser.client.get(authorization_url)
        assert response.status_code == 302, response.text
        self.browser.remember(response)
        location = urlsplit(response.headers["location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == self.settings.redirect_uri
        return location.query

    async def callback(self, query: str) -> Any:
        return await self.browser.get(f"{self.url}/auth/callback/azure?{query}")

    async def sign_in(self) -> Any:
        return await self.callback(await self.authorize(await self.start_sign_in()))


LocalAuthsvcFactory = Callable[..., Awaitable[LocalAuthsvc]]


@pytest.fixture
async def local_authsvc(
    stack: LocalStack, fake_entra: FakeEntra, new_browser: NewBrowser
) -> AsyncIterator[LocalAuthsvcFactory]:
    servers: list[TestServer] = []

    async def make(**overrides: Any) -> LocalAuthsvc:
        values: dict[str, Any] = {
            "database_url": stack.postgres.uri(DBNAME, "authsvc"),
            "signing_key": stack.signing_key,
            "public_origin": stack.origin,
            "azure_client_id": str(uuid.uuid4()),
            "azure_client_secret": fake_entra.client_secret,
            "azure_tenant_id": fake_entra.tenant_id,
            "azure_authority": fake_entra.url,
            "metrics_host": "127.0.0.1",
            "metrics_port": free_port(),
            "jwks_min_refresh_seconds": 0.0,
            "rate_limit_per_address": 1000,
            "rate_limit_per_account": 1000,
        }
        values.update(overrides)
        settings = Settings(**values)
        app: web.Application = create_app(settings)
        server = TestServer(app, host="127.0.0.1", port=free_port())
        await server.start_server()
        servers.append(server)
        return LocalAuthsvc(
            url=str(server.make_url("")).rstrip("/"),
            settings=settings,
            entra=fake_entra,
            browser=new_browser(),
        )

    yield make
    for server in servers:
        await server.close()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)
