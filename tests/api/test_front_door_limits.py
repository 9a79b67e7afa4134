"""What the front door refuses before PostgREST or authsvc read anything (issue #13).

Body bounds per route, one Content-Type, no embedding, bounded search,
anonymous calls answered without schema detail, no-store on every API
answer, and sign-in codes kept out of the access log. docs/SECURITY.md
says why each exists.
"""

from __future__ import annotations

import json
import time

import httpx
import pytest

from devstack.stack import LocalStack
from tests.api.conftest import auth

KIB = 1024


def json_body(size: int) -> bytes:
    """A JSON object of exactly `size` bytes (a comment whose body fills it)."""
    overhead = len(b'{"request_id":1,"body":""}')
    return b'{"request_id":1,"body":"' + b"a" * (size - overhead) + b'"}'


@pytest.mark.parametrize(
    ("path", "bound"),
    [
        ("/comments", 64 * KIB),
        ("/requests", 128 * KIB),
        ("/rpc/transition_request", 16 * KIB),
        ("/my_passkeys", 16 * KIB),
    ],
)
def test_bodies_over_the_routes_bound_get_413_with_a_sentence(
    http: httpx.Client, tokens: dict[str, str], path: str, bound: int
) -> None:
    headers = auth(tokens["alice"], **{"Content-Type": "application/json"})
    over = http.post(path, content=json_body(bound + 1), headers=headers)
    assert over.status_code == 413
    assert over.json()["code"] == "payload_too_large"
    assert "more than Reqstly accepts" in over.json()["message"]
    # At the bound the body reaches PostgREST, which answers for itself.
    at = http.post(path, content=json_body(bound), headers=headers)
    assert at.status_code != 413


def test_a_body_without_a_length_is_refused(http: httpx.Client, tokens: dict[str, str]) -> None:
    """Chunked: refused before the proxy, which would count a cut-off body against the replica."""

    def chunks() -> object:
        for _ in range(100):
            yield b"a" * KIB

    response = http.post(
        "/comments",
        content=chunks(),  # type: ignore[arg-type]
        headers=auth(tokens["alice"], **{"Content-Type": "application/json"}),
    )
    assert response.status_code == 411
    assert response.json()["code"] == "length_required"


def test_oversized_bodies_do_not_take_the_api_down(
    http: httpx.Client, tokens: dict[str, str]
) -> None:
    headers = auth(tokens["alice"], **{"Content-Type": "application/json"})
    for _ in range(3):
        assert (
            http.post("/comments", content=json_body(65 * KIB), headers=headers).status_code == 413
        )
    assert http.get("/me", headers=auth(tokens["alice"])).status_code == 200


def test_an_anonymous_20_mb_body_is_refused_unread(http: httpx.Client) -> None:
    response = http.post(
        "/comments",
        content=b"a" * (20 * KIB * KIB),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code in (401, 413)


def test_attachment_uploads_get_the_file_limit(http: httpx.Client, tokens: dict[str, str]) -> None:
    headers = auth(tokens["alice"], **{"Content-Type": "application/octet-stream"})
    # 1 MiB passes the front door (the function answers for itself, 404 until it exists) …
    allowed = http.post("/rpc/upload_attachment", content=b"\0" * KIB * KIB, headers=headers)
    assert allowed.status_code != 413
    # … 10 MiB + 1 byte does not.
    over = http.post(
        "/rpc/upload_attachment", content=b"\0" * (10 * KIB * KIB + 1), headers=headers
    )
    assert over.status_code == 413
    assert "attachments" in over.json()["message"]


def test_sign_in_bodies_are_bounded(stack: LocalStack) -> None:
    response = httpx.post(
        f"{stack.origin}/auth/passkey/login/options",
        content=b"{" + b" " * (64 * KIB) + b"}",
        headers={"Content-Type": "application/json", "Origin": stack.origin},
        timeout=10,
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "content_types",
    [
        ["text/csv", "application/json"],
        ["application/json", "text/csv"],
        ["application/json, text/csv"],
        ["application/jsonx"],
    ],
    ids=["csv first", "json first", "one header, two types", "lookalike"],
)
def test_one_content_type_one_answer(
    http: httpx.Client, tokens: dict[str, str], content_types: list[str]
) -> None:
    headers = [("Authorization", f"Bearer {tokens['alice']}")]
    headers += [("Content-Type", value) for value in content_types]
    response = http.post(
        "/requests", content=b"title,category\nFrom CSV,IT\n", headers=httpx.Headers(headers)
    )
    assert response.status_code == 415
    assert "one Content-Type" in response.json()["message"]


def test_json_with_a_charset_passes(http: httpx.Client, tokens: dict[str, str]) -> None:
    response = http.post(
        "/requests",
        content=json.dumps({"title": "Charset probe", "category": "IT"}).encode(),
        headers=auth(tokens["alice"], **{"Content-Type": "application/json; charset=utf-8"}),
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    "query",
    [
        "select=*,requests(*)",
        "select=*,requests!requests_requester_id_fkey(*,comments(*))",
        "sel%65ct=*,requests%28*%29",
        "select=id,...requests(title)",
    ],
)
def test_embedding_is_refused(http: httpx.Client, tokens: dict[str, str], query: str) -> None:
    response = http.get(f"/people?{query}", headers=auth(tokens["admin"]))
    assert response.status_code == 400
    assert response.json()["code"] == "embedding_not_allowed"


@pytest.mark.parametrize(
    "search",
    [
        "wfts." + " ".join(f"w{n}" for n in range(13)),
        "wfts." + "x" * 300,
        "fts.a:*",
        "plfts.printer",
    ],
    ids=["13 words", "300 characters", "prefix query", "other operator"],
)
def test_broad_searches_are_refused(
    http: httpx.Client, tokens: dict[str, str], search: str
) -> None:
    response = http.get("/requests", params={"search": search}, headers=auth(tokens["ivan"]))
    assert response.status_code == 400
    assert response.json()["code"] == "search_too_broad"


@pytest.mark.parametrize(
    "params",
    [
        {"or": "(search.fts.a:*,search.fts.b:*)"},
        {"and": "(search.fts.a:*)"},
        {"title": "fts.printer"},
        {"search": "wfts.printer", "description": "plfts.jam"},
    ],
    ids=["or tree", "and tree", "another column", "search and another column"],
)
def test_full_text_outside_the_search_parameter_is_refused(
    http: httpx.Client, tokens: dict[str, str], params: dict[str, str]
) -> None:
    response = http.get("/requests", params=params, headers=auth(tokens["ivan"]))
    assert response.status_code == 400
    assert response.json()["code"] == "search_too_broad"


def test_a_plain_search_of_twelve_words_passes(http: httpx.Client, tokens: dict[str, str]) -> None:
    words = " ".join(f"word{n}" for n in range(12))
    response = http.get(
        "/requests", params={"search": f"wfts(english).{words}"}, headers=auth(tokens["ivan"])
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/requestz", None),
        ("GET", "/requests?select=no_such_column", None),
        ("GET", "/people?select=*,requests(*)", None),
        ("POST", "/rpc/no_such_function", b'{"x": 1}'),
        ("POST", "/comments", b'{"request_id": 1, "body": "hi"}'),
        ("GET", "/", None),
    ],
)
def test_anonymous_calls_get_401_and_no_schema_detail(
    http: httpx.Client, method: str, path: str, body: bytes | None
) -> None:
    response = http.request(
        method, path, content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["message"] == "Sign in to use Reqstly."
    text = response.text.lower()
    for leak in ("perhaps", "requests", "column", "function", 'hint":"'):
        assert leak not in text


def test_the_cookie_alone_is_a_credential(http: httpx.Client, tokens: dict[str, str]) -> None:
    response = http.get("/me", headers={"Cookie": f"other=1; __Host-reqstly_at={tokens['ivan']}"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path", ["/me", "/requests?limit=1", "/requestz", "/rpc/verify_audit?request_id=0"]
)
def test_api_answers_are_never_stored(
    http: httpx.Client, tokens: dict[str, str], path: str
) -> None:
    response = http.get(path, headers=auth(tokens["alice"]))
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/auth/session", "/auth/config", "/auth/livez"])
def test_sign_in_answers_are_never_stored(stack: LocalStack, path: str) -> None:
    response = httpx.get(f"{stack.origin}{path}", timeout=10)
    assert response.headers["Cache-Control"] == "no-store"


def test_sign_in_codes_stay_out_of_the_access_log(stack: LocalStack) -> None:
    code, state = "c0de-" + str(time.time_ns()), "st4te-" + str(time.time_ns())
    httpx.get(
        f"{stack.origin}/auth/callback/azure",
        params={"code": code, "state": state},
        headers={"Referer": f"{stack.origin}/auth/callback/azure?code={code}&state={state}"},
        timeout=10,
    )
    log = stack.run_dir / "caddy-access.log"
    deadline = time.monotonic() + 5
    while "/auth/callback/azure" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text()
    assert "/auth/callback/azure?code=REDACTED&state=REDACTED" in text
    assert code not in text and state not in text
