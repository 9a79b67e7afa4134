"""Mail on the real Swarm: an agent's reply reaches the requester as an
e-mail, sent by the notifier service over STARTTLS and AUTH to the drill's
mailbox service (the stand-in for the SMTP relay, see the override)."""

from __future__ import annotations

import time

from tests.swarm.conftest import record
from tests.swarm.drills import a_category
from tests.swarm.swarm import ORIGIN, Swarm


def test_an_agents_reply_reaches_the_requester_by_email(swarm: Swarm) -> None:
    requester = swarm.sign_in("swarm-mail-requester")
    agent = swarm.sign_in("swarm-mail-agent")
    category = a_category(swarm, requester)
    # An admin at psql makes the second person an agent of the category.
    swarm.psql(
        "insert into app.team_members (user_id, category) "
        f"select id, '{category}' from app.users where email = 'swarm-mail-agent@example.com'"
    )
    with swarm.client() as http:
        filed = http.post(
            "/rest/requests",
            json={
                "title": "Monitor flickers",
                "description": "Since this morning",
                "category": category,
                "priority": "normal",
            },
            headers={**requester, "Prefer": "return=representation"},
        )
        assert filed.status_code == 201, filed.text
        (request,) = filed.json()
        replied = http.post(
            "/rest/comments",
            json={"request_id": request["id"], "body": "Swapping the cable now."},
            headers=agent,
        )
        assert replied.status_code == 201, replied.text
    committed = time.monotonic()

    def the_reply() -> list[str]:
        return [
            text.get_content()
            for message in swarm.mail()
            if message["To"].endswith("<swarm-mail-requester@example.com>")
            and message["Subject"] == f"[{request['key']}] Monitor flickers"
            and (text := message.get_body(("plain",))) is not None
        ]

    swarm.engine.wait("the reply e-mail in the mailbox", lambda: bool(the_reply()), timeout=90)
    record(f"notifier: reply e-mail filed {time.monotonic() - committed:.1f}s after the commit")
    (text,) = the_reply()
    assert "Swapping the cable now." in text
    assert f"{ORIGIN}/requests/{request['key']}" in text
    status = swarm.psql(
        f"select string_agg(kind || ':' || state, ',') from app.notifications "
        f"where request_id = {request['id']}"
    )
    assert status == "reply:sent", status
