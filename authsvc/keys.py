"""The ES256 keys authsvc signs access tokens with, and the JWKS PostgREST trusts.

A key's id is its RFC 7638 thumbprint, so the same PEM always yields the
same `kid` and rotation needs no extra bookkeeping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from joserfc.jwk import ECKey


def generate_signing_key() -> ECKey:
    """A fresh P-256 private key (local development and tests only)."""
    return load_signing_key(ECKey.generate_key("P-256", private=True).as_pem(private=True))


def load_signing_key(pem: bytes | str) -> ECKey:
    """Load a PEM EC P-256 private key and give it its thumbprint as `kid`."""
    key = ECKey.import_key(pem)
    if key.as_dict().get("crv") != "P-256" or not key.is_private:
        raise ValueError("the signing key must be an EC P-256 private key in PEM form")
    return ECKey.import_key(pem, parameters={"kid": key.thumbprint(), "use": "sig", "alg": "ES256"})


def load_or_create_signing_key(path: Path) -> ECKey:
    """Read the key at `path`, creating it (mode 0600) on first use."""
    if path.exists():
        return load_signing_key(path.read_bytes())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate_signing_key()
    path.touch(mode=0o600)
    path.write_bytes(key.as_pem(private=True))
    return key


def public_jwks(keys: Iterable[ECKey]) -> dict[str, Any]:
    """The public half of each key, as a JWKS (old and new during a rotation)."""
    return {"keys": [key.as_dict(private=False) for key in keys]}


def write_jwks(path: Path, keys: Iterable[ECKey]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(public_jwks(keys), indent=2) + "\n")
