"""Caddy serves the built SPA at / with history fallback, caching and strict headers.

Needs `web/dist` (make test builds it first; alone: `make web-build`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from devstack.paths import ROOT
from devstack.stack import LocalStack

DIST = ROOT / "web" / "dist"


@pytest.fixture(scope="module")
def front(stack: LocalStack) -> Iterator[httpx.Client]:
    assert (DIST / "index.html").exists(), "web/dist is missing: run `make web-build`"
    with httpx.Client(base_url=stack.origin, timeout=10) as client:
        yield client


@pytest.mark.parametrize("path", ["/", "/queue", "/requests/IT-1", "/settings", "/admin/people"])
def test_every_route_gets_the_app_shell(front: httpx.Client, path: str) -> None:
    response = front.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert '<div id="root"></div>' in response.text
    assert response.headers["Cache-Control"] == "no-cache"
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


def test_no_inline_script_in_the_shell(front: httpx.Client) -> None:
    html = front.get("/").text
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert inline_scripts == []


def test_hashed_assets_are_cached_for_a_year(front: httpx.Client) -> None:
    html = front.get("/").text
    script = re.search(r'src="(/assets/[^"]+\.js)"', html)
    assert script is not None
    response = front.get(script.group(1))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Type"].startswith("text/javascript")
