"""The SPA's API types, generated from PostgREST's OpenAPI description.

PostgREST describes the `api` schema at its root (`GET /rest/`) in
Swagger 2.0; `web/scripts/api-types.mjs` converts it to OpenAPI 3 with
swagger2openapi and turns it into TypeScript with openapi-typescript.
The result is checked in as web/src/api/schema.gen.ts;
tests/e2e/test_api_types.py fails when it is stale.

    .venv/bin/python -m tests.e2e.api_types            # rewrite schema.gen.ts
    .venv/bin/python -m tests.e2e.api_types --check    # exit 1 when stale

starts its own local stack on free ports and stops it by PID afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

import httpx

from devstack.paths import DATA, ROOT
from devstack.processes import free_port
from devstack.stack import LocalStack, StackSettings

GENERATED = ROOT / "web" / "src" / "api" / "schema.gen.ts"
GENERATOR = ROOT / "web" / "scripts" / "api-types.mjs"


def fetch_openapi(stack: LocalStack) -> dict[str, Any]:
    """The OpenAPI description as a signed-in person's role (`web_user`) sees it.

    PostgREST runs with `openapi-mode = follow-privileges`, so the anonymous
    description leaves out what only signed-in people may use. The person is
    the generator's own, made here, so no other test's people are touched.
    """
    email = f"api-types-{uuid.uuid4().hex[:8]}@example.com"
    with stack.connect() as conn:
        conn.execute(
            """insert into app.users (tenant_id, object_id, display_name, email)
               values (gen_random_uuid(), gen_random_uuid(), 'API types generator', %s)""",
            (email,),
        )
    token = stack.token(email)
    response = httpx.get(
        f"{stack.origin}/rest/",
        headers={"Authorization": f"Bearer {token.token}", "Accept": "application/openapi+json"},
        timeout=30,
    )
    response.raise_for_status()
    spec: dict[str, Any] = response.json()
    return spec


def generate(spec: dict[str, Any]) -> str:
    """Run the generator (Node) over the description; returns the TypeScript."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "openapi.json"
        path.write_text(json.dumps(spec))
        done = subprocess.run(
            ["node", str(GENERATOR), str(path)],
            cwd=ROOT / "web",
            check=True,
            capture_output=True,
            text=True,
        )
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when schema.gen.ts is stale")
    args = parser.parse_args()
    data_dir = DATA / f"api-types-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    stack = LocalStack(StackSettings(data_dir=data_dir, http_port=free_port(), seed=False))
    stack.start()
    try:
        fresh = generate(fetch_openapi(stack))
    finally:
        stack.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(stack.postgres.socket_dir, ignore_errors=True)
    if args.check:
        if GENERATED.read_text() != fresh:
            print(f"{GENERATED.relative_to(ROOT)} is stale: run 'make api-types' and commit it")
            return 1
        print(f"{GENERATED.relative_to(ROOT)} is fresh")
        return 0
    GENERATED.write_text(fresh)
    print(f"wrote {GENERATED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
