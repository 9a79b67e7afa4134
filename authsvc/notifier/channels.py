"""Handing a message to its channel: SMTP with STARTTLS, or an incoming webhook.

Each failure is a DeliveryError that says whether trying again can help:
a 5xx SMTP reply to the recipient or a 4xx HTTP answer (other than 408/429)
is permanent; timeouts, refused connections, 4xx SMTP replies and 5xx HTTP
answers are worth retrying.
"""

from __future__ import annotations

import ssl
from email.message import EmailMessage

import aiohttp
import aiosmtplib

from authsvc.notifier.settings import NotifierSettings


class DeliveryError(Exception):
    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.permanent = permanent


class SmtpChannel:
    def __init__(self, settings: NotifierSettings) -> None:
        self.settings = settings
        self.tls_context = ssl.create_default_context(cafile=settings.smtp_ca_file)

    async def send(self, message: EmailMessage) -> None:
        """Send one message in its own SMTP session; raises DeliveryError."""
        settings = self.settings
        client = aiosmtplib.SMTP(
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            start_tls=settings.smtp_starttls,
            tls_context=self.tls_context if settings.smtp_starttls else None,
            username=settings.smtp_username,
            password=settings.smtp_password,
            timeout=settings.smtp_timeout_seconds,
        )
        try:
            async with client:
                await client.send_message(message)
        except aiosmtplib.SMTPRecipientsRefused as error:
            codes = [refused.code for refused in error.recipients]
            raise DeliveryError(
                f"recipient refused: {'; '.join(f'{r.code} {r.message}' for r in error.recipients)}",
                permanent=all(code >= 500 for code in codes),
            ) from error
        except aiosmtplib.SMTPAuthenticationError as error:
            # Our credentials, not the message: retry while the operator fixes them.
            raise DeliveryError(f"SMTP sign-in refused: {error.code}", permanent=False) from error
        except aiosmtplib.SMTPResponseException as error:
            raise DeliveryError(
                f"SMTP {error.code} {error.message}", permanent=error.code >= 500
            ) from error
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            raise DeliveryError(
                f"SMTP: {type(error).__name__}: {error}", permanent=False
            ) from error


class WebhookChannel:
    def __init__(self, settings: NotifierSettings, session: aiohttp.ClientSession) -> None:
        self.settings = settings
        self.session = session

    async def post(self, url: str, body: dict[str, str], *, idempotency_key: str) -> None:
        """POST the JSON body; raises DeliveryError."""
        try:
            async with self.session.post(
                url,
                json=body,
                headers={"Idempotency-Key": idempotency_key},
                timeout=aiohttp.ClientTimeout(total=self.settings.webhook_timeout_seconds),
                allow_redirects=False,
            ) as response:
                if 200 <= response.status < 300:
                    return
                retry = response.status >= 500 or response.status in {408, 429}
                raise DeliveryError(f"webhook answered {response.status}", permanent=not retry)
        except (aiohttp.ClientError, TimeoutError) as error:
            raise DeliveryError(
                f"webhook: {type(error).__name__}: {error}", permanent=False
            ) from error
