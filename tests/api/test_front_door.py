"""Caddy's rules in front of the API: same-origin writes, JSON bodies, headers, correlation ids."""

from __future__ import annotations

import httpx
import pytest

from devstack.stack import LocalStack
from tests.api.conftest import auth
from tests.people import People

NEW_REQUEST = {"title": "Front door probe", "category": "IT"}


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "http://localhost:1"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
    ids=["foreign origin", "other port", "cross-site fetch", "sibling site"],
)
def test_writes_from_another_site_are_refused(
    http: httpx.Client, tokens: dict[str, str], headers: dict[str, str]
) -> None:
    response = http.post("/requests", json=NEW_REQUEST, headers=auth(tokens["alice"], **headers))
    assert response.status_code == 403
    assert response.json() == {
        "error": "cross_site_request",
        "message": "This request did not come from Reqstly's own pages, so it was refused.",
    }


def test_a_cookie_write_without_origin_headers_is_refused(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    """Only a non-browser omits both headers, and it must use its own token,
    never the cookies (docs/error_codes.md, the same-origin rule)."""
    response = http.post(
        "/requests",
        json=NEW_REQUEST,
        headers={"Cookie": f"__Host-reqstly_at={tokens['alice']}"},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "cross_site_request"


def test_a_token_write_without_origin_headers_passes(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    response = http.post("/requests", json=NEW_REQUEST, headers=auth(tokens["alice"]))
    assert response.status_code == 201


def test_writes_from_our_own_pages_pass(
    http: httpx.Client, stack: LocalStack, tokens: dict[str, str]
) -> None:
    headers = {"Origin": stack.origin, "Sec-Fetch-Site": "same-origin"}
    response = http.post("/requests", json=NEW_REQUEST, headers=auth(tokens["alice"], **headers))
    assert response.status_code == 201


def test_reads_from_anywhere_are_not_blocked_by_the_origin_rule(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    response = http.get("/categories", headers=auth(tokens["alice"], Origin="https://evil.example"))
    assert response.status_code == 200
    # …but PostgREST allows only our origin to read the answer (CORS).
    assert response.headers.get("Access-Control-Allow-Origin") != "https://evil.example"


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "text/plain", "text/csv"]
)
def test_non_json_bodies_are_refused(
    http: httpx.Client, tokens: dict[str, str], content_type: str
) -> None:
    response = http.post(
        "/requests",
        content=b"title=hello&category=IT",
        headers=auth(tokens["alice"], **{"Content-Type": content_type}),
    )
    assert response.status_code == 415
    assert "JSON" in response.json()["message"]


def test_the_access_cookie_becomes_the_authorization_header(
    http: httpx.Client, tokens: dict[str, str], people: People
) -> None:
    response = http.get("/me", headers={"Cookie": f"__Host-reqstly_at={tokens['ivan']}"})
    assert response.status_code == 200
    assert response.json()[0]["email"] == people["ivan"].email


def test_security_headers(http: httpx.Client, tokens: dict[str, str]) -> None:
    headers = http.get("/categories", headers=auth(tokens["alice"])).headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Server" not in headers


def test_correlation_id_reaches_the_audit_trail(
    http: httpx.Client, stack: LocalStack, tokens: dict[str, str]
) -> None:
    # A client-sent id is replaced by Caddy's own, so nobody can forge one.
    response = http.post(
        "/requests",
        json=NEW_REQUEST,
        headers=auth(tokens["alice"], Prefer="return=representation", **{"X-Request-Id": "forged"}),
    )
    request_id = response.json()[0]["id"]
    with stack.connect() as conn:
        row = conn.execute(
            "select correlation_id from app.audit_log where request_id = %s", (request_id,)
        ).fetchone()
    assert row is not None and row[0] and row[0] != "forged"
    assert len(row[0]) == 36  # a UUID from Caddy
