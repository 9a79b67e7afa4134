"""authsvc's domain errors: each has an HTTP status, a machine code and a
sentence for people. One middleware (app.py) turns them into JSON
`{error, message[, details]}` with http_helpers.error_answer; nothing else
builds error responses. docs/error_codes.md lists the codes.
"""

from __future__ import annotations

from typing import ClassVar


class AuthServiceError(Exception):
    """Base of every error authsvc answers with on purpose."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    default_message: ClassVar[str] = "The request could not be handled."
    # The request field at fault, when one is (the SPA shows the message by it).
    details: ClassVar[str | None] = None

    def __init__(self, message: str | None = None, *, reason: str | None = None) -> None:
        self.message = message or self.default_message
        # A short reason for logs and auth.login_events (never a secret).
        self.reason = reason or self.code
        super().__init__(self.message)


class BadRequest(AuthServiceError):
    status = 400
    code = "bad_request"


class UnsafeRedirect(BadRequest):
    code = "unsafe_redirect"
    default_message = "After sign-in Reqstly can only return to one of its own pages."


class SignInFailed(AuthServiceError):
    """The identity provider's answer was not a valid sign-in for us."""

    status = 400
    code = "sign_in_failed"
    default_message = "The sign-in could not be completed. Please try again."


class SignInExpired(SignInFailed):
    code = "sign_in_expired"
    default_message = "This sign-in attempt has expired or was already used. Please start again."


class SignInRefused(AuthServiceError):
    """A valid identity that may not use Reqstly (tenant, roles, disabled, app-only)."""

    status = 403
    code = "sign_in_refused"
    default_message = "Your account may not sign in to Reqstly. Ask your administrator."


class AzureReauthRequired(SignInRefused):
    """A passkey sign-in by someone who has not signed in through Azure lately.

    A passkey never asks Entra, so Entra's word is renewed by an Azure
    sign-in at least every REQSTLY_PASSKEY_REAUTH_DAYS; the SPA answers this
    code by sending the person through Azure once.
    """

    code = "azure_reauth_required"
    default_message = (
        "It has been a while since you signed in with Microsoft. Please sign in with "
        "Microsoft once; your passkey will work again after that."
    )


class PasskeyFailed(SignInFailed):
    """A passkey answer that does not verify (signature, origin, counter, owner …)."""

    code = "passkey_failed"
    default_message = "Reqstly could not verify this passkey. Please try again."


class PasskeyUnknown(PasskeyFailed):
    code = "passkey_unknown"
    default_message = (
        "This passkey is not registered with Reqstly (it may have been removed). "
        "Sign in with Microsoft, then add it again."
    )


class PasskeyRegistrationFailed(BadRequest):
    code = "passkey_registration_failed"
    default_message = (
        "The new passkey could not be verified, so it was not added. Please try again."
    )


class PasskeyAlreadyRegistered(AuthServiceError):
    status = 409
    code = "passkey_already_registered"
    default_message = "This passkey is already registered with Reqstly."


class InvalidPasskeyName(BadRequest):
    code = "invalid_passkey_name"
    details = "name"
    default_message = "A passkey's name needs 1 to 100 characters."


class NotSignedIn(AuthServiceError):
    status = 401
    code = "not_signed_in"
    default_message = "You are not signed in, or your session has ended. Please sign in."


class ForeignOrigin(AuthServiceError):
    status = 403
    code = "cross_site_request"
    default_message = "This request did not come from Reqstly's own pages, so it was refused."


class RateLimited(AuthServiceError):
    status = 429
    code = "rate_limited"
    default_message = "Too many sign-in attempts. Please wait a moment and try again."

    def __init__(self, *, retry_after: int, endpoint: str, first_in_window: bool = True) -> None:
        super().__init__(reason="rate_limited")
        self.retry_after = retry_after
        self.endpoint = endpoint
        # Only the first refusal of a bucket in its window is logged and
        # written to auth.login_events (ratelimit.py); the rest are counted.
        self.first_in_window = first_in_window


class IdentityProviderUnavailable(AuthServiceError):
    status = 502
    code = "identity_provider_unavailable"
    default_message = "Microsoft sign-in could not be reached. Please try again in a moment."


class DatabaseUnavailable(AuthServiceError):
    status = 503
    code = "database_unavailable"
    default_message = "Reqstly cannot reach its database right now. Please try again shortly."
