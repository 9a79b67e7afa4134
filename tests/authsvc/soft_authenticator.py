"""A software WebAuthn authenticator and client for HTTP-level tests.

It plays both the browser (clientDataJSON with the origin and challenge it
is given) and a platform authenticator holding discoverable ES256
credentials (authenticator data and a `none` attestation in CBOR). Its
answers have the shape of `PublicKeyCredential.toJSON()`, which is what the
SPA posts. Every field an attack needs to change can be overridden.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
from dataclasses import dataclass, field
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

FLAG_UP = 0x01
FLAG_UV = 0x04
FLAG_BE = 0x08
FLAG_BS = 0x10
FLAG_AT = 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def from_b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CredentialExcluded(Exception):
    """The authenticator already holds a credential in excludeCredentials
    (a browser answers InvalidStateError)."""


@dataclass
class SoftCredential:
    credential_id: bytes
    private_key: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    sign_count: int = 0
    backup_eligible: bool = False
    backed_up: bool = False
    # Synced passkeys often keep no counter: they always report 0.
    counts: bool = True

    def cose_public_key(self) -> bytes:
        numbers = self.private_key.public_key().public_numbers()
        return cbor2.dumps(
            {
                1: 2,  # kty: EC2
                3: -7,  # alg: ES256
                -1: 1,  # crv: P-256
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )


def client_data(*, type_: str, challenge: str, origin: str) -> bytes:
    return json.dumps(
        {"type": type_, "challenge": challenge, "origin": origin, "crossOrigin": False}
    ).encode()


def authenticator_data(*, rp_id: str, flags: int, sign_count: int, attested: bytes = b"") -> bytes:
    return (
        hashlib.sha256(rp_id.encode()).digest()
        + bytes([flags])
        + struct.pack(">I", sign_count)
        + attested
    )


def _flags(*, user_verified: bool, backup_eligible: bool, backed_up: bool) -> int:
    flags = FLAG_UP
    if user_verified:
        flags |= FLAG_UV
    if backup_eligible:
        flags |= FLAG_BE
    if backed_up:
        flags |= FLAG_BS
    return flags


@dataclass
class SoftAuthenticator:
    """One authenticator (a phone, a laptop): its credentials by id."""

    origin: str
    aaguid: bytes = field(default_factory=lambda: bytes.fromhex("adce000235bcc60a648b0b25f1f05503"))
    credentials: dict[bytes, SoftCredential] = field(default_factory=dict)

    def create(
        self,
        options: dict[str, Any],
        *,
        origin: str | None = None,
        rp_id: str | None = None,
        type_: str = "webauthn.create",
        user_verified: bool = True,
        backup_eligible: bool = False,
        backed_up: bool = False,
        sign_count: int = 0,
        counts: bool = True,
        credential_id: bytes | None = None,
    ) -> dict[str, Any]:
        """`navigator.credentials.create()` with py_webauthn's options JSON;
        returns `credential.toJSON()`."""
        chosen_rp = rp_id or options["rp"]["id"]
        for excluded in options.get("excludeCredentials", []):
            if from_b64url(excluded["id"]) in self.credentials:
                raise CredentialExcluded(excluded["id"])
        credential = SoftCredential(
            credential_id=credential_id or secrets.token_bytes(32),
            private_key=ec.generate_private_key(ec.SECP256R1()),
            rp_id=chosen_rp,
            user_handle=from_b64url(options["user"]["id"]),
            sign_count=sign_count,
            backup_eligible=backup_eligible,
            backed_up=backed_up,
            counts=counts,
        )
        attested = (
            self.aaguid
            + struct.pack(">H", len(credential.credential_id))
            + credential.credential_id
            + credential.cose_public_key()
        )
        auth_data = authenticator_data(
            rp_id=chosen_rp,
            flags=_flags(
                user_verified=user_verified, backup_eligible=backup_eligible, backed_up=backed_up
            )
            | FLAG_AT,
            sign_count=sign_count,
            attested=attested,
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        self.credentials[credential.credential_id] = credential
        return {
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": b64url(
                    client_data(
                        type_=type_, challenge=options["challenge"], origin=origin or self.origin
                    )
                ),
                "attestationObject": b64url(attestation),
                "transports": ["hybrid", "internal"],
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
        }

    def only(self) -> SoftCredential:
        (credential,) = self.credentials.values()
        return credential

    def get(
        self,
        options: dict[str, Any],
        *,
        credential: SoftCredential | None = None,
        origin: str | None = None,
        rp_id: str | None = None,
        type_: str = "webauthn.get",
        user_verified: bool = True,
        sign_count: int | None = None,
        backup_eligible: bool | None = None,
        backed_up: bool | None = None,
        credential_id: bytes | None = None,
        user_handle: bytes | None = None,
    ) -> dict[str, Any]:
        """`navigator.credentials.get()` with a discoverable credential (the
        only one, unless `credential` picks one); returns `toJSON()`. The
        sign count goes up by one unless `sign_count` says otherwise."""
        chosen = credential or self.only()
        if sign_count is None:
            sign_count = chosen.sign_count + 1 if chosen.counts else 0
        chosen.sign_count = sign_count
        auth_data = authenticator_data(
            rp_id=rp_id or options.get("rpId") or chosen.rp_id,
            flags=_flags(
                user_verified=user_verified,
                backup_eligible=chosen.backup_eligible
                if backup_eligible is None
                else backup_eligible,
                backed_up=chosen.backed_up if backed_up is None else backed_up,
            ),
            sign_count=sign_count,
        )
        data = client_data(
            type_=type_, challenge=options["challenge"], origin=origin or self.origin
        )
        signature = chosen.private_key.sign(
            auth_data + hashlib.sha256(data).digest(), ec.ECDSA(hashes.SHA256())
        )
        raw_id = credential_id or chosen.credential_id
        return {
            "id": b64url(raw_id),
            "rawId": b64url(raw_id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": b64url(data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
                "userHandle": b64url(user_handle or chosen.user_handle),
            },
            "clientExtensionResults": {},
        }
