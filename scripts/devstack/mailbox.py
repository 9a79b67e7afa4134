"""The local mailbox: a real SMTP server (aiosmtpd) that files every message in a Maildir.

`make run` and the tests start it as a child process
(`python -m devstack.mailbox`), with STARTTLS required and a user name and
password, as a production relay has: the certificate and the credentials are
made at start under the run folder, never committed. Read what arrived with
`read_maildir()` or any mail client that opens a Maildir.

For tests it can also refuse every recipient with a given reply
(`--refuse "451 4.3.0 …"`), and hold a message before accepting it while the
file `<maildir>/.stall` exists (it touches `<maildir>/.stalled` meanwhile), so
a test can kill the sender mid-send. A message whose sender went away before
the final reply is not filed: only a 250 makes the server responsible for it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import ipaddress
import mailbox
import os
import secrets
import signal
import ssl
import sys
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from devstack import processes
from devstack.paths import ROOT


@dataclass(frozen=True)
class Mailbox:
    """A running local mailbox and what a client needs to reach it."""

    service: processes.Service
    port: int
    username: str
    password: str
    ca_file: Path
    maildir: Path

    def messages(self) -> list[EmailMessage]:
        return read_maildir(self.maildir)


def read_maildir(path: Path) -> list[EmailMessage]:
    """Every message filed so far (new/ and cur/), oldest first."""
    files = [
        file
        for folder in (path / "new", path / "cur")
        if folder.exists()
        for file in folder.iterdir()
        if not file.name.startswith(".")
    ]
    messages = []
    for file in sorted(files, key=lambda f: (f.stat().st_mtime, f.name)):
        parsed = message_from_bytes(file.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        messages.append(parsed)
    return messages


def make_certificate(folder: Path, names: tuple[str, ...] = ("localhost",)) -> tuple[Path, Path]:
    """A self-signed certificate for `names` and 127.0.0.1; returns (cert, key) paths.

    The Swarm drill's mailbox is reached as `smtp`, the local one as localhost.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Reqstly local mailbox")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    *(x509.DNSName(name) for name in names),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "mailbox-cert.pem", folder / "mailbox-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


def start_mailbox(
    run_dir: Path, maildir: Path, *, name: str = "mailbox", refuse: str | None = None
) -> Mailbox:
    """Start a mailbox on a free port and wait until it accepts connections."""
    cert, key = make_certificate(run_dir / f"{name}-tls")
    port = processes.free_port()
    username, password = "reqstly", secrets.token_urlsafe(16)
    argv = [
        sys.executable, "-m", "devstack.mailbox",
        "--port", str(port), "--maildir", str(maildir), "--cert", str(cert), "--key", str(key),
    ]  # fmt: skip
    if refuse:
        argv += ["--refuse", refuse]
    env = {
        "REQSTLY_MAILBOX_USERNAME": username,
        "REQSTLY_MAILBOX_PASSWORD": password,
        "PYTHONPATH": str(ROOT / "scripts"),
        "PYTHONUNBUFFERED": "1",
    }
    service = processes.start(name, argv, run_dir / f"{name}.log", env=env, cwd=ROOT)
    processes.wait_until(service, processes.port_open(port), timeout=20)
    return Mailbox(service, port, username, password, cert, maildir)


class MaildirHandler:
    def __init__(self, maildir: Path, refuse: str | None) -> None:
        self.maildir = maildir
        self.refuse = refuse
        mailbox.Maildir(maildir, create=True)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        stall, stalled = self.maildir / ".stall", self.maildir / ".stalled"
        while stall.exists():
            stalled.touch()
            await asyncio.sleep(0.05)
        stalled.unlink(missing_ok=True)
        transport = server.transport
        if transport is None or transport.is_closing():
            print("sender went away before the final reply: message not filed", flush=True)
            return "451 4.4.2 Connection lost"
        content = envelope.original_content or envelope.content
        mailbox.Maildir(self.maildir, create=True).add(content)
        print(f"filed a message for {', '.join(envelope.rcpt_tos)}", flush=True)
        return "250 2.0.0 Filed in the local Maildir"


async def serve(args: argparse.Namespace) -> None:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

    username = os.environ["REQSTLY_MAILBOX_USERNAME"].encode()
    password = os.environ["REQSTLY_MAILBOX_PASSWORD"].encode()

    def authenticator(
        server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and secrets.compare_digest(auth_data.login, username)
            and secrets.compare_digest(auth_data.password, password)
        )
        return AuthResult(success=ok, handled=False)

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)
    handler = MaildirHandler(Path(args.maildir), args.refuse)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(
            handler,
            hostname="localhost",
            tls_context=tls,
            require_starttls=True,
            authenticator=authenticator,
            auth_required=True,
            auth_require_tls=True,
        ),
        host=args.host,
        port=args.port,
    )
    print(f"local mailbox on {args.host}:{args.port}, filing into {args.maildir}", flush=True)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with server:
        await stop.wait()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.mailbox", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument(
        "--refuse", help='refuse every recipient with this reply, e.g. "451 4.3.0 Busy"'
    )
    asyncio.run(serve(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
