"""Issue #15's "done when", through the front door with every real part running.

Alice files a request with a screenshot; Ivan replies and the e-mail reaches
Alice's local mailbox within seconds, with the link; his internal note
produces nothing for her; the screenshot is there for Ivan and for nobody
outside the request.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from devstack.mailbox import Mailbox
from devstack.stack import LocalStack
from tests.notify.conftest import delivering, mail_about, wait_for
from tests.people import People, create_team
from tests.sample_files import png


@pytest.fixture(scope="module")
def team(stack: LocalStack) -> People:
    with stack.connect() as conn:
        return create_team(conn)


@pytest.fixture(scope="module")
def delivery(stack: LocalStack) -> Iterator[Mailbox]:
    with delivering(stack, "walk") as box:
        yield box


def test_a_reply_reaches_the_requesters_mailbox_and_an_internal_note_does_not(
    stack: LocalStack, team: People, delivery: Mailbox
) -> None:
    tokens = {name: stack.token(person.email).token for name, person in team.items()}
    with httpx.Client(base_url=f"{stack.origin}/rest", timeout=10) as http:

        def call(
            who: str,
            method: str,
            path: str,
            *,
            json: object = None,
            content: bytes | None = None,
            params: dict[str, int] | None = None,
            headers: dict[str, str] | None = None,
        ) -> httpx.Response:
            return http.request(
                method,
                path,
                json=json,
                content=content,
                params=params,
                headers={"Authorization": f"Bearer {tokens[who]}", **(headers or {})},
            )

        filed = call(
            "alice", "POST", "/requests",
            json={"title": "Error dialog on start", "category": "IT"},
            headers={"Prefer": "return=representation"},
        )  # fmt: skip
        assert filed.status_code == 201, filed.text
        request_id, key = filed.json()[0]["id"], filed.json()[0]["key"]
        shot = call(
            "alice", "POST", "/rpc/upload_attachment", content=png(40, 30),
            headers={"Content-Type": "application/octet-stream", "Reqstly-Request-Id": str(request_id),
                     "Reqstly-Filename": quote("Screenshot 2026-12-03.png")},
        )  # fmt: skip
        assert shot.status_code == 200, shot.text

        replied = call(
            "ivan", "POST", "/comments", json={"request_id": request_id, "body": "Which app?"}
        )
        assert replied.status_code == 201, replied.text
        sent_at = time.monotonic()
        wait_for(
            lambda: len(mail_about(delivery, team["alice"].email, key)) == 1,
            what="the reply e-mail",
        )
        print(
            f"\nthe reply reached Alice's mailbox {time.monotonic() - sent_at:.2f}s after Ivan sent it"
        )
        [body] = mail_about(delivery, team["alice"].email, key)
        assert "Which app?" in body and f"{stack.origin}/requests/{key}" in body

        note = call(
            "ivan", "POST", "/comments",
            json={"request_id": request_id, "body": "Alice's disk is nearly full", "internal": True},
        )  # fmt: skip
        assert note.status_code == 201, note.text
        time.sleep(3)  # the worker is woken within milliseconds; give a wrong e-mail time to appear
        assert len(mail_about(delivery, team["alice"].email, key)) == 1
        assert not any("disk is nearly full" in Path(p).read_text(errors="replace")
                       for p in (delivery.maildir / "new").iterdir())  # fmt: skip

        # The screenshot: Alice and Ivan see it, nobody outside the request does.
        attachment = shot.json()["id"]
        for who, status in (("alice", 200), ("ivan", 200), ("hana", 404), ("olga", 404)):
            got = call(who, "GET", "/rpc/download_attachment", params={"id": attachment})
            assert got.status_code == status, (who, got.text)
            if status == 200:
                assert got.content == png(40, 30) and got.headers["Content-Type"] == "image/png"
