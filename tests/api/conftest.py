"""HTTP fixtures: the real front door (Caddy → PostgREST) and tokens for the demo people."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from devstack.stack import LocalStack
from tests.people import DEMO_EMAILS


@pytest.fixture(scope="session")
def base_url(stack: LocalStack) -> str:
    return f"{stack.origin}/rest"


@pytest.fixture(scope="session")
def tokens(stack: LocalStack) -> dict[str, str]:
    """One live session and access token per demo person (scripts/dev token does the same)."""
    return {name: stack.token(email).token for name, email in DEMO_EMAILS.items()}


@pytest.fixture(scope="session")
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        yield client


def auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}
