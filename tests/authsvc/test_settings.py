"""authsvc's settings: each default is written once (the dataclass), so the
environment and code that builds Settings directly agree."""

from __future__ import annotations

import dataclasses

from authsvc.settings import Settings
from devstack.stack import LocalStack


def test_an_unset_variable_means_the_one_default(stack: LocalStack) -> None:
    assert stack.sign_in is not None
    given = ("REQSTLY_DATABASE_URL", "REQSTLY_SIGNING_KEY_FILE", "REQSTLY_PUBLIC_ORIGIN")
    env = {name: stack.sign_in.env[name] for name in given}
    env |= {
        "REQSTLY_AZURE_TENANT_ID": "00000000-0000-0000-0000-000000000001",
        "REQSTLY_AZURE_CLIENT_ID": "client",
        "REQSTLY_AZURE_CLIENT_SECRET": "secret",
    }
    from_env = Settings.from_env(env)
    built = Settings(
        database_url=from_env.database_url,
        signing_key=from_env.signing_key,
        public_origin=from_env.public_origin,
        azure_tenant_id=from_env.azure_tenant_id,
        azure_client_id="client",
        azure_client_secret="secret",
    )
    for field in dataclasses.fields(Settings):
        assert getattr(from_env, field.name) == getattr(built, field.name), field.name
    # A container listens on every interface unless told otherwise.
    everywhere = "0.0.0.0"  # noqa: S104
    assert (from_env.host, from_env.metrics_host) == (everywhere, everywhere)


def test_zero_turns_the_metrics_port_off(stack: LocalStack) -> None:
    assert stack.sign_in is not None
    settings = Settings.from_env({**stack.sign_in.env, "REQSTLY_METRICS_PORT": "0"})
    assert settings.metrics_port is None
