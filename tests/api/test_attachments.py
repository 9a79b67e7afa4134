"""Attachments through the front door: raw uploads, refusals, who downloads what, and the download headers."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

import httpx
import pytest

from devstack.stack import LocalStack
from tests.api.conftest import auth
from tests.people import People
from tests.sample_files import EXE, HTML, LOG, PDF, png


def upload(
    http: httpx.Client,
    token: str,
    request_id: int,
    filename: str,
    content: bytes,
    *,
    comment_id: int | None = None,
    content_type: str = "application/octet-stream",
) -> httpx.Response:
    headers = auth(
        token,
        **{
            "Content-Type": content_type,
            "Reqstly-Request-Id": str(request_id),
            "Reqstly-Filename": quote(filename),
        },
    )
    if comment_id is not None:
        headers["Reqstly-Comment-Id"] = str(comment_id)
    return http.post("/rpc/upload_attachment", content=content, headers=headers)


def new_request(http: httpx.Client, token: str) -> int:
    response = http.post(
        "/requests",
        json={"title": "Attachment probe", "category": "IT"},
        headers=auth(token, Prefer="return=representation"),
    )
    assert response.status_code == 201, response.text
    return int(response.json()[0]["id"])


def new_comment(http: httpx.Client, token: str, request_id: int, internal: bool) -> int:
    response = http.post(
        "/comments",
        json={"request_id": request_id, "body": "see the file", "internal": internal},
        headers=auth(token, Prefer="return=representation"),
    )
    assert response.status_code == 201, response.text
    return int(response.json()[0]["id"])


@pytest.fixture(scope="module")
def files(http: httpx.Client, tokens: dict[str, str]) -> dict[str, int]:
    """alice's request with a screenshot; ivan's public reply with a PDF and internal note with a log."""
    request_id = new_request(http, tokens["alice"])
    reply = new_comment(http, tokens["ivan"], request_id, internal=False)
    note = new_comment(http, tokens["ivan"], request_id, internal=True)
    ids = {"request_id": request_id}
    for name, token, filename, content, comment in (
        ("image", tokens["alice"], "screen.png", png(), None),
        ("pdf", tokens["ivan"], "Steps – à lire.pdf", PDF, reply),
        ("internal", tokens["ivan"], "asset.log", LOG, note),
    ):
        response = upload(http, token, request_id, filename, content, comment_id=comment)
        assert response.status_code == 200, response.text
        ids[name] = int(response.json()["id"])
    return ids


def test_an_upload_answers_with_what_the_database_decided(
    http: httpx.Client, tokens: dict[str, str], people: People, files: dict[str, int]
) -> None:
    response = http.get(
        "/attachments", params={"id": f"eq.{files['image']}"}, headers=auth(tokens["alice"])
    )
    [row] = response.json()
    assert row["content_type"] == "image/png" and row["is_image"] is True
    assert row["size_bytes"] == len(png())
    assert row["sha256"] == hashlib.sha256(png()).hexdigest()
    assert row["uploaded_by"] == people["alice"].id
    assert row["uploaded_by_name"] == people["alice"].display_name


READERS = {
    "image": {"alice", "ivan", "admin"},
    "pdf": {"alice", "ivan", "admin"},
    "internal": {"ivan", "admin"},
}


@pytest.mark.parametrize("reader", ["alice", "ivan", "olga", "hana", "admin"])
@pytest.mark.parametrize("which", ["image", "pdf", "internal"])
def test_downloads_follow_the_request_and_comment(
    http: httpx.Client, tokens: dict[str, str], files: dict[str, int], which: str, reader: str
) -> None:
    response = http.get(
        "/rpc/download_attachment", params={"id": files[which]}, headers=auth(tokens[reader])
    )
    if reader in READERS[which]:
        assert response.status_code == 200
        assert (
            hashlib.sha256(response.content).hexdigest()
            == hashlib.sha256({"image": png(), "pdf": PDF, "internal": LOG}[which]).hexdigest()
        )
    else:
        assert response.status_code == 404
        assert (
            response.json()["message"] == f"There is no attachment {files[which]} that you can see."
        )


def test_download_headers_keep_browsers_from_running_a_file(
    http: httpx.Client, tokens: dict[str, str], files: dict[str, int]
) -> None:
    image = http.get(
        "/rpc/download_attachment", params={"id": files["image"]}, headers=auth(tokens["alice"])
    )
    assert image.headers["Content-Type"] == "image/png"
    assert image.headers["Content-Disposition"].startswith("inline;")
    pdf = http.get(
        "/rpc/download_attachment", params={"id": files["pdf"]}, headers=auth(tokens["alice"])
    )
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Content-Disposition"] == (
        "attachment; filename=\"Steps _ _ lire.pdf\"; filename*=UTF-8''Steps%20%E2%80%93%20%C3%A0%20lire.pdf"
    )
    log = http.get(
        "/rpc/download_attachment", params={"id": files["internal"]}, headers=auth(tokens["ivan"])
    )
    assert log.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert log.headers["Content-Disposition"].startswith("attachment;")
    for response in (image, pdf, log):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        policies = response.headers.get_list("Content-Security-Policy")
        assert any("sandbox" in policy and "default-src 'none'" in policy for policy in policies), (
            policies
        )
        assert response.headers["Cache-Control"] == "no-store"  # Caddy's, for every /rest answer


@pytest.mark.parametrize(
    ("filename", "content", "status", "words"),
    [
        ("evil.png", HTML, 415, "named like a .png file"),
        ("tool.exe", EXE, 415, "not a type Reqstly accepts"),
        ("empty.txt", b"", 400, "is empty"),
    ],
)
def test_refused_files_get_a_sentence_and_the_field(
    http: httpx.Client,
    tokens: dict[str, str],
    files: dict[str, int],
    filename: str,
    content: bytes,
    status: int,
    words: str,
) -> None:
    response = upload(http, tokens["alice"], files["request_id"], filename, content)
    assert response.status_code == status, response.text
    assert words in response.json()["message"]
    assert response.json()["details"] == "file"


def test_a_file_over_the_limit_is_refused_with_413(
    http: httpx.Client, stack: LocalStack, tokens: dict[str, str], files: dict[str, int]
) -> None:
    with stack.connect() as conn:
        limit = conn.execute("select max_file_bytes from app.attachment_limits").fetchone()
    assert limit is not None
    big = png() + bytes(int(limit[0]))  # a PNG header, then more than the limit
    response = upload(http, tokens["alice"], files["request_id"], "huge.png", big)
    # The front door's body limit for this route is the file limit
    # (REQSTLY_ATTACHMENT_MAX_BYTES); the database says the same in its words.
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert "larger than attachments may be" in response.json()["message"]


def test_the_upload_takes_the_raw_file_only(
    http: httpx.Client, tokens: dict[str, str], files: dict[str, int]
) -> None:
    for content_type in ("application/json", "multipart/form-data; boundary=x", "text/plain"):
        response = upload(
            http, tokens["alice"], files["request_id"], "a.png", png(), content_type=content_type
        )
        assert response.status_code == 415
        assert "application/octet-stream" in response.json()["message"]
    # …and every other route still takes JSON only.
    response = http.post(
        "/comments",
        content=b"\x89PNG",
        headers=auth(tokens["alice"], **{"Content-Type": "application/octet-stream"}),
    )
    assert response.status_code == 415


def test_uploads_to_what_the_caller_cannot_see_are_refused_as_missing(
    http: httpx.Client, tokens: dict[str, str], files: dict[str, int]
) -> None:
    response = upload(http, tokens["olga"], files["request_id"], "x.png", png())
    assert response.status_code == 404
    assert (
        response.json()["message"] == f"There is no request {files['request_id']} that you can see."
    )
    missing = upload(http, tokens["olga"], 999999999, "x.png", png())
    assert missing.status_code == 404
    assert missing.json()["message"] == "There is no request 999999999 that you can see."


def test_an_upload_from_another_site_is_refused(
    http: httpx.Client, tokens: dict[str, str], files: dict[str, int]
) -> None:
    headers = auth(
        tokens["alice"],
        **{
            "Content-Type": "application/octet-stream",
            "Reqstly-Request-Id": str(files["request_id"]),
            "Reqstly-Filename": "x.png",
            "Origin": "https://evil.example",
        },
    )
    response = http.post("/rpc/upload_attachment", content=png(), headers=headers)
    assert response.status_code == 403
