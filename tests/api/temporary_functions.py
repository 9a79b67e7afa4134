"""A function added to `api` for one test module, and PostgREST told about it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from devstack.stack import LocalStack


@contextmanager
def temporary_api_function(
    stack: LocalStack, http: httpx.Client, token: str, *, signature: str, definition: str
) -> Iterator[str]:
    """Create `api.<signature>` (`definition` is what follows it), grant it to web_user,
    wait until PostgREST serves it, yield its /rpc path; drop it afterwards."""
    name = signature.split("(", 1)[0]
    with stack.connect() as conn:
        conn.execute(f"create function api.{signature} {definition}")
        conn.execute(f"grant execute on function api.{name} to web_user")
        conn.execute("notify pgrst, 'reload schema'")
    path = f"/rpc/{name}"
    deadline = time.monotonic() + 10
    while http.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 404:
        assert time.monotonic() < deadline, f"PostgREST did not load api.{name}"
        time.sleep(0.2)
    try:
        yield path
    finally:
        with stack.connect() as conn:
            conn.execute(f"drop function api.{name}")
            conn.execute("notify pgrst, 'reload schema'")
