"""The worker's settings: refused when unsafe, and never printed with their secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from authsvc.notifier.settings import NotifierSettings, SettingsError

BASE = {
    "REQSTLY_DATABASE_URL": "postgresql://notifier:s3cret-db@db/reqstly",
    "REQSTLY_PUBLIC_ORIGIN": "https://reqstly.example.com/",
    "REQSTLY_MAIL_FROM": "reqstly@example.com",
    "REQSTLY_SMTP_HOST": "smtp.example.com",
    "REQSTLY_SMTP_USERNAME": "reqstly",
    "REQSTLY_SMTP_PASSWORD": "s3cret-smtp",
}


def test_production_settings_and_what_they_show() -> None:
    settings = NotifierSettings.from_env(BASE)
    assert settings.mail_from == "Reqstly <reqstly@example.com>"
    assert settings.mail_domain == "example.com"
    assert settings.public_origin == "https://reqstly.example.com"
    assert settings.smtp_starttls and settings.smtp_port == 587
    assert "s3cret" not in repr(settings)


def test_secrets_come_from_files(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "password").write_text("from-a-file\n")
    env = {k: v for k, v in BASE.items() if k != "REQSTLY_SMTP_PASSWORD"}
    env["REQSTLY_SMTP_PASSWORD_FILE"] = str(folder / "password")
    assert NotifierSettings.from_env(env).smtp_password == "from-a-file"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"REQSTLY_SMTP_STARTTLS": "false"}, "local mode only"),
        ({"REQSTLY_SMTP_PASSWORD": ""}, "REQSTLY_SMTP_PASSWORD"),
        ({"REQSTLY_MAIL_FROM": "nobody"}, "REQSTLY_MAIL_FROM"),
        ({"REQSTLY_PUBLIC_ORIGIN": "reqstly.example.com"}, "REQSTLY_PUBLIC_ORIGIN"),
        ({"REQSTLY_NOTIFIER_MAX_ATTEMPTS": "0"}, "at least 1"),
        ({"REQSTLY_NOTIFIER_RETRY_BASE_SECONDS": "soon"}, "must be a number"),
    ],
)
def test_unsafe_or_broken_settings_are_refused(change: dict[str, str], words: str) -> None:
    with pytest.raises(SettingsError, match=words):
        NotifierSettings.from_env({**BASE, **change})


def test_retries_back_off_and_are_capped() -> None:
    settings = NotifierSettings.from_env(
        {
            **BASE,
            "REQSTLY_NOTIFIER_RETRY_BASE_SECONDS": "30",
            "REQSTLY_NOTIFIER_RETRY_MAX_SECONDS": "600",
        }
    )
    assert [settings.retry_delay(n) for n in range(1, 7)] == [30, 60, 120, 240, 480, 600]
