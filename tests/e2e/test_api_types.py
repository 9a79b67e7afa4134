"""web/src/api/schema.gen.ts is what the generator makes of PostgREST's
OpenAPI description of the current `api` schema (tests/e2e/api_types.py)."""

from __future__ import annotations

import difflib

from devstack.stack import LocalStack
from tests.e2e.api_types import GENERATED, fetch_openapi, generate


def test_generated_api_types_are_fresh(stack: LocalStack) -> None:
    fresh = generate(fetch_openapi(stack))
    checked_in = GENERATED.read_text()
    diff = "".join(
        difflib.unified_diff(
            checked_in.splitlines(keepends=True),
            fresh.splitlines(keepends=True),
            "schema.gen.ts (checked in)",
            "schema.gen.ts (from the database)",
            n=1,
        )
    )
    assert not diff, f"run 'make api-types' and commit web/src/api/schema.gen.ts:\n{diff[:4000]}"
