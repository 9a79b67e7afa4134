"""Fair share through the real PostgREST (issue #13, item 3; ADR 0013).

A slow function is added to `api` for the length of this module only, so a
call can be made to take as long as the test needs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from devstack.stack import LocalStack
from tests.api.conftest import auth
from tests.api.temporary_functions import temporary_api_function


@pytest.fixture(scope="module")
def slow_call(stack: LocalStack, http: httpx.Client, tokens: dict[str, str]) -> Iterator[str]:
    with temporary_api_function(
        stack,
        http,
        tokens["olga"],
        signature="zz_test_sleep(seconds float8 default 0)",
        definition="""returns integer language sql volatile set search_path = pg_catalog, pg_temp
                      as $$ select 1 from pg_catalog.pg_sleep(seconds) $$""",
    ) as path:
        yield path


def test_a_statement_stops_after_3_seconds(
    http: httpx.Client, tokens: dict[str, str], slow_call: str
) -> None:
    started = time.monotonic()
    response = http.post(slow_call, json={"seconds": 8}, headers=auth(tokens["alice"]))
    took = time.monotonic() - started
    assert response.status_code == 500  # PostgREST 12's answer to 57014 (docs/error_codes.md)
    assert response.json()["code"] == "57014"  # canceling statement due to statement timeout
    assert took < 6, f"took {took:.1f} s"


def test_one_person_gets_429_past_six_calls_and_another_is_served(
    stack: LocalStack, tokens: dict[str, str], slow_call: str
) -> None:
    def call(token: str, seconds: float) -> httpx.Response:
        with httpx.Client(base_url=f"{stack.origin}/rest", timeout=10) as client:
            return client.post(slow_call, json={"seconds": seconds}, headers=auth(token))

    with ThreadPoolExecutor(max_workers=9) as pool:
        flood = [pool.submit(call, tokens["ivan"], 1.5) for _ in range(8)]
        time.sleep(0.5)
        other = call(tokens["hana"], 0)
        statuses = sorted(f.result().status_code for f in flood)
    assert other.status_code == 200
    assert statuses.count(200) == 6
    assert statuses.count(429) == 2
    refused = next(f.result() for f in flood if f.result().status_code == 429)
    assert "wait for one to finish" in refused.json()["message"]


@pytest.fixture(scope="module")
def slow_search(stack: LocalStack, http: httpx.Client, tokens: dict[str, str]) -> Iterator[str]:
    with temporary_api_function(
        stack,
        http,
        tokens["olga"],
        signature="search_zz_test(seconds float8 default 0)",
        definition="""returns integer language sql volatile set search_path = pg_catalog, pg_temp
                      as $$ select 1 from pg_catalog.pg_sleep(seconds) $$""",
    ) as path:
        yield path


def test_one_search_at_a_time_per_person(
    stack: LocalStack, tokens: dict[str, str], slow_search: str, slow_call: str
) -> None:
    def call(path: str, token: str, **headers: str) -> httpx.Response:
        with httpx.Client(base_url=f"{stack.origin}/rest", timeout=10) as client:
            return client.post(path, json={"seconds": 1.5}, headers=auth(token, **headers))

    with ThreadPoolExecutor(max_workers=4) as pool:
        searches = [pool.submit(call, slow_search, tokens["ivan"]) for _ in range(2)]
        # A client cannot mark its own calls as searches (Caddy drops the header).
        marked = [
            pool.submit(call, slow_call, tokens["hana"], **{"X-Reqstly-Search": "1"})
            for _ in range(2)
        ]
        search_statuses = sorted(f.result().status_code for f in searches)
        marked_statuses = [f.result().status_code for f in marked]
    assert search_statuses == [200, 429]
    refused = next(f.result() for f in searches if f.result().status_code == 429)
    assert refused.json()["message"] == (
        "You have a search running already; wait for it to finish and try again."
    )
    assert marked_statuses == [200, 200]


def test_a_search_filter_counts_as_a_search(
    stack: LocalStack, http: httpx.Client, tokens: dict[str, str]
) -> None:
    with temporary_api_function(
        stack,
        http,
        tokens["olga"],
        signature="zz_test_slow_rows()",
        definition="""returns table (search text) language sql stable
                      set search_path = pg_catalog, pg_temp
                      as $$ select 'printer'::text from pg_catalog.pg_sleep(1.5) $$""",
    ) as path:

        def call() -> httpx.Response:
            with httpx.Client(base_url=f"{stack.origin}/rest", timeout=10) as client:
                return client.get(
                    path, params={"search": "wfts.printer"}, headers=auth(tokens["ivan"])
                )

        with ThreadPoolExecutor(max_workers=2) as pool:
            statuses = sorted(f.result().status_code for f in [pool.submit(call) for _ in range(2)])
    assert statuses == [200, 429]
