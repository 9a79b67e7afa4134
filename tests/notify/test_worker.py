"""The notification worker against a real SMTP server (STARTTLS, AUTH) and a webhook receiver."""

from __future__ import annotations

import json
import signal
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from devstack.mailbox import Mailbox, start_mailbox
from tests.notify.conftest import (
    NotifyDatabase,
    WebhookReceiver,
    Workers,
    messages_with_id,
    wait_for,
)

DOMAIN = "localhost.localdomain"


def metric(port: int, line_start: str) -> float:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        for line in response.read().decode().splitlines():
            if line.startswith(line_start + " "):
                return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no metric {line_start}")


def reply(
    notify_db: NotifyDatabase,
    person: str,
    request_id: int,
    body: str,
    correlation_id: str | None = None,
) -> None:
    notify_db.act(
        notify_db.people[person],
        "insert into api.comments (request_id, body) values (%s, %s)",
        (request_id, body),
        correlation_id,
    )


def test_a_reply_arrives_as_a_threaded_email_with_text_html_link_and_unsubscribe(
    notify_db: NotifyDatabase, mailbox: Mailbox, workers: Workers
) -> None:
    worker, _ = workers.start(mailbox)
    request_id = notify_db.file_request(notify_db.people["alice"], "Printer <b>jams</b>")
    correlation = str(uuid.uuid4())  # Caddy's X-Request-Id of the reply
    reply(
        notify_db, "ivan", request_id, "Open tray 2 & pull the <script>paper</script>.", correlation
    )
    committed = time.monotonic()
    [(notification_id, *_)] = notify_db.notifications(request_id)
    msg_id = f"<reqstly.notification.{notification_id}@{DOMAIN}>"
    wait_for(lambda: bool(messages_with_id(mailbox, msg_id)), what="the reply e-mail")
    print(
        f"\nreply e-mail filed {time.monotonic() - committed:.2f}s after the commit (LISTEN/NOTIFY)"
    )
    [message] = messages_with_id(mailbox, msg_id)

    key = notify_db.act(None, "select key from app.requests where id = %s", (request_id,))[0][0]
    assert message["To"] == "Alice Requester <alice@example.com>"
    assert message["Subject"] == f"[{key}] Printer <b>jams</b>"
    assert (
        message["In-Reply-To"]
        == message["References"]
        == f"<reqstly.request.{request_id}@{DOMAIN}>"
    )
    assert message["List-Unsubscribe"].startswith("<http://localhost:8080/auth/unsubscribe?token=")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",))
    markup = message.get_body(("html",))
    assert text is not None and markup is not None
    link = f"http://localhost:8080/requests/{key}"
    assert link in text.get_content() and f'href="{link}"' in markup.get_content()
    assert "Open tray 2 & pull the <script>paper</script>." in text.get_content()
    assert "&lt;script&gt;paper&lt;/script&gt;" in markup.get_content()
    assert "<script>" not in markup.get_content()
    assert notify_db.notifications(request_id) == [(notification_id, "reply", "sent", 1, None)]
    # The worker's JSON log line for it carries the reply's correlation id.
    lines = [
        json.loads(line)
        for line in worker.log_path.read_text().splitlines()
        if line.startswith("{")
    ]
    [sent] = [
        line
        for line in lines
        if line["msg"] == "sent" and line["notification_ids"] == [notification_id]
    ]
    assert sent["correlation_id"] == correlation
    assert sent["channel"] == "email" and sent["kind"] == "reply"


def test_the_resolution_note_travels_in_the_status_email(
    notify_db: NotifyDatabase, mailbox: Mailbox, workers: Workers
) -> None:
    workers.start(mailbox)
    ivan = notify_db.people["ivan"]
    request_id = notify_db.file_request(notify_db.people["alice"], "VPN drops")
    notify_db.act(ivan, "select api.transition_request(%s, 'in_progress')", (request_id,))
    notify_db.act(
        ivan,
        "select api.transition_request(%s, 'resolved', 'New VPN profile pushed.')",
        (request_id,),
    )
    rows = notify_db.notifications(request_id)
    assert [row[1] for row in rows] == ["status", "status"]
    msg_id = f"<reqstly.notification.{rows[-1][0]}@{DOMAIN}>"
    wait_for(lambda: bool(messages_with_id(mailbox, msg_id)), what="the resolution e-mail")
    [message] = messages_with_id(mailbox, msg_id)
    body = message.get_body(("plain",))
    assert body is not None
    assert "from In progress to Resolved" in body.get_content()
    assert "New VPN profile pushed." in body.get_content()


def test_a_new_request_is_posted_to_the_category_webhook(
    notify_db: NotifyDatabase, mailbox: Mailbox, workers: Workers, webhook: WebhookReceiver
) -> None:
    notify_db.act(
        None,
        "insert into app.category_webhooks (category, url) values ('HR', %s) "
        "on conflict (category) do update set url = excluded.url",
        (webhook.url,),
    )
    webhook.statuses.extend([503])  # the first post fails; the retry succeeds
    workers.start(mailbox, REQSTLY_NOTIFIER_RETRY_BASE_SECONDS="0.3")
    request_id = notify_db.file_request(notify_db.people["alice"], "Payslip question", "HR")
    wait_for(lambda: len(webhook.received) >= 2, what="the webhook post and its retry")
    (first_headers, _), (headers, body) = webhook.received[:2]
    key = notify_db.act(None, "select key from app.requests where id = %s", (request_id,))[0][0]
    assert f"{key} “Payslip question” in HR" in str(body["text"])
    assert f"http://localhost:8080/requests/{key}" in str(body["text"])
    assert headers["Idempotency-Key"] == first_headers["Idempotency-Key"]
    wait_for(
        lambda: notify_db.notifications(request_id)[-1][2:4] == ("sent", 2),
        what="sent after a retry",
    )


def test_a_refusing_server_is_retried_with_backoff_then_dead_lettered(
    notify_db: NotifyDatabase, run_dir: Path, workers: Workers
) -> None:
    refusing = start_mailbox(
        run_dir, run_dir / "refusing", name="refusing", refuse="451 4.3.0 Busy, try later"
    )
    try:
        _, metrics_port = workers.start(
            refusing, REQSTLY_NOTIFIER_MAX_ATTEMPTS="3", REQSTLY_NOTIFIER_RETRY_BASE_SECONDS="0.3"
        )
        request_id = notify_db.file_request(notify_db.people["alice"], "Monitor flickers")
        reply(notify_db, "ivan", request_id, "Which monitor?")
        wait_for(
            lambda: notify_db.notifications(request_id)[-1][2] == "dead", what="the dead letter"
        )
        [(_, _, state, attempts, error)] = notify_db.notifications(request_id)
        assert (state, attempts) == ("dead", 3)
        assert error is not None and "451" in error and "Busy" in error
        assert refusing.messages() == []
        wait_for(
            lambda: metric(metrics_port, 'notifier_queued{channel="email",state="dead"}') >= 1,
            what="the dead gauge",
        )
        assert metric(metrics_port, 'notifier_failed_total{channel="email",outcome="retry"}') == 2
        assert metric(metrics_port, 'notifier_failed_total{channel="email",outcome="dead"}') == 1
    finally:
        refusing.service.stop()


def test_a_permanent_refusal_is_dead_at_once(
    notify_db: NotifyDatabase, run_dir: Path, workers: Workers
) -> None:
    refusing = start_mailbox(
        run_dir, run_dir / "refusing", name="no-such-user", refuse="550 5.1.1 No such user"
    )
    try:
        workers.start(refusing)
        request_id = notify_db.file_request(notify_db.people["alice"], "Keyboard missing keys")
        reply(notify_db, "ivan", request_id, "On my way.")
        wait_for(
            lambda: notify_db.notifications(request_id)[-1][2] == "dead", what="the dead letter"
        )
        [(_, _, _, attempts, error)] = notify_db.notifications(request_id)
        assert attempts == 1 and error is not None and "550" in error
    finally:
        refusing.service.stop()


def test_a_worker_killed_mid_send_never_sends_twice(
    notify_db: NotifyDatabase, mailbox: Mailbox, workers: Workers
) -> None:
    stall = mailbox.maildir / ".stall"
    stall.parent.mkdir(parents=True, exist_ok=True)
    stall.touch()  # the mailbox holds the message before its final reply
    first, _ = workers.start(mailbox, REQSTLY_NOTIFIER_LEASE_SECONDS="3")
    request_id = notify_db.file_request(notify_db.people["alice"], "Laptop will not boot")
    reply(notify_db, "ivan", request_id, "Bring it to the desk.")
    [(notification_id, *_)] = notify_db.notifications(request_id)
    wait_for((mailbox.maildir / ".stalled").exists, what="the send to be in flight")
    assert notify_db.notifications(request_id)[0][2] == "sending"
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(10)
    stall.unlink()

    workers.start(mailbox, REQSTLY_NOTIFIER_LEASE_SECONDS="3")
    msg_id = f"<reqstly.notification.{notification_id}@{DOMAIN}>"
    waited = wait_for(
        lambda: bool(messages_with_id(mailbox, msg_id)), what="the message after the lease ran out"
    )
    print(f"\nre-sent {waited:.1f}s after the second worker started (lease 3 s)")
    time.sleep(2)  # room for a duplicate to show up, if there were one
    assert len(messages_with_id(mailbox, msg_id)) == 1
    assert notify_db.notifications(request_id) == [(notification_id, "reply", "sent", 2, None)]


def test_a_digest_gathers_a_persons_notifications_into_one_email(
    notify_db: NotifyDatabase, mailbox: Mailbox, workers: Workers
) -> None:
    hana = notify_db.people["hana"]
    notify_db.act(hana, "select api.set_notification_preference('reply', true, 'digest')")
    try:
        request_id = notify_db.file_request(hana, "Parking permit")
        reply(notify_db, "ivan", request_id, "First answer.")
        reply(notify_db, "ivan", request_id, "Second answer.")
        workers.start(mailbox)
        time.sleep(2)  # not due until 08:00 UTC: nothing is sent
        assert [row[2] for row in notify_db.notifications(request_id)] == ["pending", "pending"]
        # The morning comes (no NOTIFY for this: the polling finds it).
        notify_db.act(
            None, "update app.notifications set due_at = now() where request_id = %s", (request_id,)
        )
        wait_for(
            lambda: [row[2] for row in notify_db.notifications(request_id)] == ["sent", "sent"],
            what="the digest",
        )
        [message] = [m for m in mailbox.messages() if "<hana@example.com>" in m["To"]]
        assert message["Subject"] == "Reqstly: 2 updates on your requests"
        body = message.get_body(("plain",))
        assert body is not None
        assert "First answer." in body.get_content() and "Second answer." in body.get_content()
    finally:
        notify_db.act(hana, "select api.set_notification_preference('reply', true, 'immediate')")


@pytest.mark.parametrize("wrong", ["password", "ca"])
def test_the_worker_refuses_an_unverified_or_unauthenticated_relay(
    notify_db: NotifyDatabase, mailbox: Mailbox, workers: Workers, wrong: str
) -> None:
    overrides = {"REQSTLY_NOTIFIER_MAX_ATTEMPTS": "1"}
    if wrong == "password":
        overrides["REQSTLY_SMTP_PASSWORD"] = "not-the-password"
    else:
        overrides["REQSTLY_SMTP_CA_FILE"] = (
            "/etc/ssl/certs/ca-certificates.crt"  # the public CAs only
        )
    workers.start(mailbox, **overrides)
    request_id = notify_db.file_request(notify_db.people["alice"], f"Relay check {wrong}")
    reply(notify_db, "ivan", request_id, "Hello?")
    wait_for(lambda: notify_db.notifications(request_id)[-1][2] == "dead", what="the refusal")
    error = notify_db.notifications(request_id)[-1][4]
    assert error is not None
    assert (
        ("sign-in refused" in error)
        if wrong == "password"
        else ("CERTIFICATE_VERIFY_FAILED" in error)
    )
    assert mailbox.messages() == []
