"""Two authsvc processes against one database share sessions and rate limits."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from devstack.authsvc import start_authsvc
from devstack.processes import Service, free_port
from devstack.stack import LocalStack
from tests.authsvc.conftest import NewBrowser, NewSigner, sign_in_with_stand_in


@pytest.fixture(scope="module")
def second_authsvc(stack: LocalStack) -> Iterator[str]:
    """Another replica with the stack's configuration, but a low address limit."""
    assert stack.sign_in is not None
    port = free_port()
    env = {**stack.sign_in.env_for(port, free_port()), "REQSTLY_RATE_LIMIT_PER_ADDRESS": "3"}
    service: Service = start_authsvc("authsvc-replica", env, stack.run_dir)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        service.stop()


@pytest.fixture(scope="module")
def first_authsvc(stack: LocalStack) -> str:
    assert stack.sign_in is not None
    return f"http://{stack.sign_in.upstreams[0]}"


async def test_a_session_opened_on_one_replica_works_on_the_other(
    stack: LocalStack,
    new_browser: NewBrowser,
    new_signer: NewSigner,
    first_authsvc: str,
    second_authsvc: str,
) -> None:
    browser = new_browser()
    assert (await sign_in_with_stand_in(stack, browser, new_signer().sub)).status_code == 302
    session_cookie = {
        "Cookie": f"__Host-reqstly_session={browser.cookies['__Host-reqstly_session']}"
    }
    refreshed = await browser.post(f"{second_authsvc}/auth/refresh")
    assert refreshed.status_code == 200, refreshed.text
    assert (await browser.get(f"{stack.origin}/rest/me")).status_code == 200

    assert (await browser.post(f"{second_authsvc}/auth/logout")).json() == {"signed_out": True}
    session = await browser.client.get(f"{first_authsvc}/auth/session", headers=session_cookie)
    assert session.status_code == 401


async def test_a_sign_in_started_on_one_replica_finishes_on_the_other(
    stack: LocalStack, new_browser: NewBrowser, new_signer: NewSigner, second_authsvc: str
) -> None:
    # The sealed sign-in cookie and the single-use state are shared.
    browser = new_browser()
    # Its own address: this replica's low limit must not see the suite's other sign-ins.
    address = {"X-Forwarded-For": f"2001:db8::{uuid.uuid4().hex[:4]}"}
    start = await browser.get(f"{second_authsvc}/auth/login/azure", headers=address)
    assert start.status_code == 302, start.text
    approved = await browser.client.post(start.headers["location"], data={"sub": new_signer().sub})
    callback = approved.headers["location"]
    assert callback.startswith(stack.origin)
    finished = await browser.get(callback)  # through Caddy: the first replica
    assert finished.status_code == 302, finished.text
    assert "__Host-reqstly_session" in browser.cookies


async def test_rate_limits_are_counted_across_replicas(
    new_browser: NewBrowser, first_authsvc: str, second_authsvc: str
) -> None:
    browser = new_browser()
    address = {"X-Forwarded-For": f"192.0.2.{uuid.uuid4().int % 250 + 1}"}
    # Two hits on the first replica (limit 1000 there) count towards the
    # second replica's limit of 3 for the same address.
    for _ in range(2):
        response = await browser.get(f"{first_authsvc}/auth/login/azure", headers=address)
        assert response.status_code == 302
    assert (
        await browser.get(f"{second_authsvc}/auth/login/azure", headers=address)
    ).status_code == 302
    limited = await browser.get(f"{second_authsvc}/auth/login/azure", headers=address)
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
