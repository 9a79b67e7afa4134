"""What a notification says: e-mails (plain text + HTML) and webhook posts.

Everything shown comes from the row's payload, which the database built from
what the recipient may read (app.enqueue_notification). Every value is
escaped in the HTML part. Message-IDs are derived from row ids, so a retry
of the same row carries the same Message-ID (receivers de-duplicate on it);
every e-mail about one request points at the same thread root.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any
from urllib.parse import quote

from authsvc.notifier.outbox import Outgoing
from authsvc.notifier.settings import NotifierSettings


def message_id(settings: NotifierSettings, notification_id: int) -> str:
    return f"<reqstly.notification.{notification_id}@{settings.mail_domain}>"


def thread_id(settings: NotifierSettings, request_id: int) -> str:
    return f"<reqstly.request.{request_id}@{settings.mail_domain}>"


def request_link(settings: NotifierSettings, payload: dict[str, Any]) -> str:
    return f"{settings.public_origin}/requests/{quote(str(payload['key']))}"


def unsubscribe_link(settings: NotifierSettings, token: str) -> str:
    return f"{settings.public_origin}/auth/unsubscribe?token={quote(token)}"


def _headline(kind: str, p: dict[str, Any]) -> str:
    """One sentence saying what happened, for the text, the HTML and webhooks."""
    actor, key, title = p.get("actor_name") or "Someone", p["key"], p["title"]
    if kind == "reply":
        return f"{actor} replied to your request {key} “{title}”."
    if kind == "status":
        return f"{actor} moved your request {key} “{title}” from {p.get('from_label')} to {p.get('status_label')}."
    if kind == "filed_for_you":
        return f"{actor} filed the request {key} “{title}” for you."
    if kind == "assigned":
        return f"{actor} assigned {key} “{title}” to you."
    if kind == "requester_reply":
        return f"{actor}, who filed {key} “{title}”, replied."
    if kind == "new_in_category":
        return f"{actor} filed {key} “{title}” in {p.get('category')}."
    return f"There is news on {key} “{title}”."


def _entry_text(item: Outgoing, settings: NotifierSettings) -> str:
    lines = [_headline(item.kind, item.payload)]
    if item.payload.get("comment"):
        lines += ["", *(f"> {line}" for line in str(item.payload["comment"]).splitlines())]
    lines += ["", f"Open the request: {request_link(settings, item.payload)}"]
    return "\n".join(lines)


def _entry_html(item: Outgoing, settings: NotifierSettings) -> str:
    parts = [f"<p>{html.escape(_headline(item.kind, item.payload))}</p>"]
    if item.payload.get("comment"):
        body = html.escape(str(item.payload["comment"])).replace("\n", "<br>")
        parts.append(
            f'<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:1em">{body}</blockquote>'
        )
    link = html.escape(request_link(settings, item.payload), quote=True)
    parts.append(
        f'<p><a href="{link}">Open {html.escape(str(item.payload["key"]))} in Reqstly</a></p>'
    )
    return "\n".join(parts)


def _footer(settings: NotifierSettings, token: str | None) -> tuple[str, str]:
    settings_link = f"{settings.public_origin}/settings"
    text = f"Choose which e-mails Reqstly sends you: {settings_link}"
    markup = f'<a href="{html.escape(settings_link, quote=True)}">Choose which e-mails Reqstly sends you</a>'
    if token:
        link = unsubscribe_link(settings, token)
        text += f"\nStop e-mails like this one: {link}"
        markup += f' · <a href="{html.escape(link, quote=True)}">Stop e-mails like this one</a>'
    return text, f'<p style="color:#666;font-size:smaller">{markup}</p>'


def _assemble(
    settings: NotifierSettings,
    *,
    to_name: str | None,
    to_email: str,
    subject: str,
    msg_id: str,
    text: str,
    markup: str,
    token: str | None,
    thread: str | None,
    date: Any,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = formataddr((to_name or "", to_email))
    message["Subject"] = subject
    message["Message-ID"] = msg_id
    message["Date"] = format_datetime(date)
    if thread:
        message["In-Reply-To"] = thread
        message["References"] = thread
    message["Auto-Submitted"] = "auto-generated"
    footer_text, footer_html = _footer(settings, token)
    if token:
        message["List-Unsubscribe"] = f"<{unsubscribe_link(settings, token)}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    else:
        message["List-Unsubscribe"] = f"<{settings.public_origin}/settings>"
    message.set_content(f"{text}\n\n-- \n{footer_text}\n")
    message.add_alternative(
        f'<!doctype html><html><body style="font-family:sans-serif">\n{markup}\n{footer_html}\n</body></html>\n',
        subtype="html",
    )
    return message


def compose_email(item: Outgoing, settings: NotifierSettings) -> EmailMessage:
    """One notification as an e-mail in its request's thread."""
    assert item.to_email is not None
    return _assemble(
        settings,
        to_name=item.to_name,
        to_email=item.to_email,
        subject=f"[{item.payload['key']}] {item.payload['title']}",
        msg_id=message_id(settings, item.id),
        text=_entry_text(item, settings),
        markup=_entry_html(item, settings),
        token=item.unsubscribe_token,
        thread=thread_id(settings, item.request_id),
        date=item.created_at,
    )


def compose_digest(items: Sequence[Outgoing], settings: NotifierSettings) -> EmailMessage:
    """A person's daily digest: every claimed notification in one e-mail."""
    first = items[0]
    assert first.to_email is not None
    kinds = {item.kind for item in items}
    token = first.unsubscribe_token if len(kinds) == 1 else None
    count = f"{len(items)} update" + ("s" if len(items) != 1 else "")
    return _assemble(
        settings,
        to_name=first.to_name,
        to_email=first.to_email,
        subject=f"Reqstly: {count} on your requests",
        # Stable for the same claimed set, so a retried digest is recognisably the same.
        msg_id=f"<reqstly.digest.{first.id}.{items[-1].id}.{len(items)}@{settings.mail_domain}>",
        text="\n\n".join(_entry_text(item, settings) for item in items),
        markup="\n<hr>\n".join(_entry_html(item, settings) for item in items),
        token=token,
        thread=None,
        date=items[-1].created_at,
    )


def compose_webhook(item: Outgoing, settings: NotifierSettings) -> dict[str, str]:
    """A Teams / Slack incoming-webhook body: both read `text` (Markdown-ish links differ, so plain)."""
    return {"text": f"{_headline(item.kind, item.payload)} {request_link(settings, item.payload)}"}
