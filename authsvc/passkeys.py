"""WebAuthn ceremonies with py_webauthn: the options a browser
gets and the checks its answer must pass.

State lives in the database (challenges, credentials, sign counts) and is
changed there atomically; this module does what needs no state: building
options, verifying signatures, origin, RP ID and flags, and the checks on
a stored credential that follow from them.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers.cose import COSEAlgorithmIdentifier
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.parse_authentication_credential_json import (
    parse_authentication_credential_json,
)
from webauthn.helpers.parse_registration_credential_json import (
    parse_registration_credential_json,
)
from webauthn.helpers.structs import (
    AuthenticationCredential,
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    CredentialDeviceType,
    PublicKeyCredentialDescriptor,
    RegistrationCredential,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from authsvc.errors import (
    AzureReauthRequired,
    BadRequest,
    PasskeyFailed,
    PasskeyRegistrationFailed,
    SignInRefused,
)

CHALLENGE_LIFETIME_SECONDS = 300
RP_NAME = "Reqstly"
# ES256 first (every platform authenticator has it), then EdDSA and RS256
# (Windows Hello's older keys).
ALGORITHMS = [
    COSEAlgorithmIdentifier.ECDSA_SHA_256,
    COSEAlgorithmIdentifier.EDDSA,
    COSEAlgorithmIdentifier.RSASSA_PKCS1_v1_5_SHA_256,
]
_BINDING_TOKEN_LENGTH = 43  # secrets.token_urlsafe(32)
_PARSE_ERRORS = (WebAuthnException, ValueError, TypeError, KeyError, binascii.Error)


def new_challenge() -> bytes:
    return secrets.token_bytes(32)


def browser_binding(cookie_value: str | None) -> str:
    """The token binding challenges to this browser: the one its webauthn
    cookie already holds (so two ceremonies in two tabs both work), else a
    new random one. Only its SHA-256 is stored with the challenge."""
    if (
        cookie_value
        and len(cookie_value) == _BINDING_TOKEN_LENGTH
        and all(c.isalnum() or c in "-_" for c in cookie_value)
    ):
        return cookie_value
    return secrets.token_urlsafe(32)


def registration_options(
    *,
    rp_id: str,
    challenge: bytes,
    user_handle: bytes,
    user_name: str,
    display_name: str,
    existing: list[tuple[bytes, list[str]]],
) -> str:
    """Creation options as JSON for `PublicKeyCredential.parseCreationOptionsFromJSON`:
    a discoverable credential (resident key required), user verification
    required, no attestation, the person's passkeys in excludeCredentials."""
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=RP_NAME,
        user_id=user_handle,
        user_name=user_name,
        user_display_name=display_name,
        challenge=challenge,
        timeout=CHALLENGE_LIFETIME_SECONDS * 1000,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            require_resident_key=True,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=credential_id, transports=_transports(transports))
            for credential_id, transports in existing
        ],
        supported_pub_key_algs=ALGORITHMS,
    )
    return options_to_json(options)


def authentication_options(*, rp_id: str, challenge: bytes) -> str:
    """Request options as JSON: usernameless (empty allowCredentials, so
    the browser offers every passkey it has for us: conditional UI), user
    verification required."""
    options = generate_authentication_options(
        rp_id=rp_id,
        challenge=challenge,
        timeout=CHALLENGE_LIFETIME_SECONDS * 1000,
        allow_credentials=[],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    return options_to_json(options)


def _transports(values: list[str]) -> list[AuthenticatorTransport] | None:
    known = {t.value: t for t in AuthenticatorTransport}
    chosen = [known[v] for v in values if v in known]
    return chosen or None


def parse_registration(credential: object) -> RegistrationCredential:
    """The browser's `credential.toJSON()` from a registration; raises
    PasskeyRegistrationFailed when it is not one."""
    if not isinstance(credential, dict):
        raise PasskeyRegistrationFailed(reason="credential_missing")
    try:
        return parse_registration_credential_json(credential)
    except _PARSE_ERRORS as error:
        raise PasskeyRegistrationFailed(reason="credential_malformed") from error


def parse_assertion(credential: object) -> AuthenticationCredential:
    """The browser's `credential.toJSON()` from a sign-in; raises
    PasskeyFailed when it is not one."""
    if not isinstance(credential, dict):
        raise PasskeyFailed(reason="credential_missing")
    try:
        return parse_authentication_credential_json(credential)
    except _PARSE_ERRORS as error:
        raise PasskeyFailed(reason="credential_malformed") from error


def challenge_in(client_data_json: bytes) -> bytes | None:
    """The challenge the browser signed, read from clientDataJSON (py_webauthn
    checks it again against the stored one). None when there is none."""
    try:
        data = json.loads(client_data_json)
        value = data["challenge"]
        if not isinstance(value, str):
            return None
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


@dataclass(frozen=True)
class NewPasskey:
    credential_id: bytes
    public_key: bytes
    sign_count: int
    transports: list[str]
    aaguid: uuid.UUID
    backup_eligible: bool
    backed_up: bool


def verify_registration(
    *,
    credential: RegistrationCredential,
    raw: dict[str, Any],
    challenge: bytes,
    rp_id: str,
    origin: str,
) -> NewPasskey:
    """Verify a registration answer for `challenge`.

    Checks (py_webauthn) type `webauthn.create`, the challenge, the origin,
    the RP ID hash, user presence and user verification, the public key
    algorithm; that the credential id is the attested one; and that the browser did not report the credential as
    non-discoverable (credProps.rk false). Raises PasskeyRegistrationFailed.
    """
    extensions = raw.get("clientExtensionResults") or {}
    cred_props = extensions.get("credProps") if isinstance(extensions, dict) else None
    if isinstance(cred_props, dict) and cred_props.get("rk") is False:
        raise PasskeyRegistrationFailed(reason="not_discoverable")
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            require_user_presence=True,
            require_user_verification=True,
            supported_pub_key_algs=ALGORITHMS,
        )
    except _PARSE_ERRORS as error:
        raise PasskeyRegistrationFailed(reason=_reason(error)) from error
    if not secrets.compare_digest(verified.credential_id, credential.raw_id):
        raise PasskeyRegistrationFailed(reason="credential_id_not_the_attested_one")
    return NewPasskey(
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=[t.value for t in credential.response.transports or []],
        aaguid=uuid.UUID(verified.aaguid),
        backup_eligible=verified.credential_device_type == CredentialDeviceType.MULTI_DEVICE,
        backed_up=verified.credential_backed_up,
    )


@dataclass(frozen=True)
class StoredPasskey:
    """A passkey as auth.passkey_for_sign_in returns it, with its owner's facts."""

    passkey_id: uuid.UUID
    person_id: uuid.UUID
    user_handle: bytes | None
    public_key: bytes
    sign_count: int
    backup_eligible: bool
    person_disabled: bool
    last_azure_sign_in_at: datetime | None


@dataclass(frozen=True)
class VerifiedUse:
    new_sign_count: int
    backed_up: bool


def verify_assertion(
    *,
    credential: AuthenticationCredential,
    stored: StoredPasskey,
    challenge: bytes,
    rp_id: str,
    origin: str,
) -> VerifiedUse:
    """Verify a sign-in answer with the stored passkey it names.

    Checks that the `userHandle` is present and is the owner's user handle
    (a credential cannot be presented for someone else); then (py_webauthn)
    type `webauthn.get`, challenge, origin, RP ID hash, user presence and
    verification, the signature with the stored public key, and that the
    sign count went up (0 stays 0 for synced passkeys); then that the
    backup-eligible flag is the one stored at registration. Raises
    PasskeyFailed with a reason for the log.
    """
    handle = credential.response.user_handle
    if not handle or not stored.user_handle:
        raise PasskeyFailed(reason="user_handle_missing")
    if not secrets.compare_digest(handle, stored.user_handle):
        raise PasskeyFailed(reason="user_handle_mismatch")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=stored.public_key,
            credential_current_sign_count=stored.sign_count,
            require_user_verification=True,
        )
    except _PARSE_ERRORS as error:
        raise PasskeyFailed(reason=_reason(error)) from error
    backup_eligible = verified.credential_device_type == CredentialDeviceType.MULTI_DEVICE
    if backup_eligible != stored.backup_eligible:
        raise PasskeyFailed(reason="backup_eligibility_changed")
    return VerifiedUse(verified.new_sign_count, verified.credential_backed_up)


def check_owner_may_sign_in(
    *, stored: StoredPasskey, reauth_days: int, now: datetime | None = None
) -> None:
    """After a verified assertion: the owner must be enabled and must have
    signed in through Azure within `reauth_days`. Raises SignInRefused
    (disabled) or AzureReauthRequired."""
    if stored.person_disabled:
        raise SignInRefused(
            "Your Reqstly account has been disabled. Ask an administrator.",
            reason="person_disabled",
        )
    current = now or datetime.now(UTC)
    last = stored.last_azure_sign_in_at
    if last is None or current - last > timedelta(days=reauth_days):
        raise AzureReauthRequired(reason="azure_sign_in_too_old")


def passkey_name(value: object, *, today: datetime | None = None) -> str:
    """The name to store: the one given, or a default naming the day.

    The rule for names (trimmed, 1–100 characters, no control characters)
    lives once, in the database (auth.tg_passkeys__validate); db.add_passkey
    turns its refusal into InvalidPasskeyName. Raises BadRequest when the
    name is not text."""
    if value is None:
        return f"Passkey added {(today or datetime.now(UTC)).date().isoformat()}"
    if not isinstance(value, str):
        raise BadRequest("The passkey's name must be text.", reason="name_not_text")
    return value


def _reason(error: Exception) -> str:
    """A short reason for logs and login events: the library's message names
    which check failed and carries no secret."""
    return f"{type(error).__name__}: {error}"[:200]
