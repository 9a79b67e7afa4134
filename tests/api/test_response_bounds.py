"""Responses are bounded: a row cap on every answer, the same in dev and production (issue #13, item 4).

PostgREST's db-max-rows caps the top level; embedding, which it does not
cap, is refused at the front door (tests/api/test_front_door_limits.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from devstack.postgrest import PostgrestConfig
from devstack.stack import LocalStack
from tests.api.conftest import auth
from tests.api.temporary_functions import temporary_api_function
from tests.stack.stackfile import STACK_FILE


@pytest.fixture(scope="module")
def many_rows(stack: LocalStack, http: httpx.Client, tokens: dict[str, str]) -> Iterator[str]:
    with temporary_api_function(
        stack,
        http,
        tokens["olga"],
        signature="zz_test_rows()",
        definition="""returns setof integer language sql stable set search_path = pg_catalog, pg_temp
                      as $$ select generate_series(1, 5000) $$""",
    ) as path:
        yield path


def test_no_answer_holds_more_than_1000_rows(
    http: httpx.Client, tokens: dict[str, str], many_rows: str
) -> None:
    response = http.get(many_rows, params={"limit": "5000"}, headers=auth(tokens["alice"]))
    assert response.status_code == 200
    assert len(response.json()) == 1000


def test_production_caps_rows_as_dev_does() -> None:
    production = yaml.safe_load(STACK_FILE.read_text())["services"]["postgrest"]["environment"]
    dev = PostgrestConfig(
        db_uri="",
        jwks_path=Path("/"),
        audience="",
        allowed_origin="",
        host="",
        port=0,
        admin_port=0,
    ).render()
    assert f"db-max-rows = {production['PGRST_DB_MAX_ROWS']}" in dev.splitlines()
