"""Starting and stopping child processes: free ports, readiness, stop by PID."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Service:
    """A child process we started, with its log file."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM, then SIGKILL after `timeout` seconds. Safe to call twice."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)

    def log_tail(self, lines: int = 40) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""


def start(
    name: str,
    argv: Sequence[str],
    log_path: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Service:
    """Start a process with stdout and stderr going to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            list(argv),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
            cwd=cwd,
        )
    return Service(name, process, log_path)


def poll_until(ready: Callable[[], bool], *, timeout: float, interval: float = 0.1) -> bool:
    """Call `ready` every `interval` seconds until it is true (True) or `timeout`
    seconds have passed (False). The one polling loop of the stack and the tests:
    wait for a condition, never for a length of time."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


def wait_until(
    service: Service, ready: Callable[[], bool], timeout: float = 30.0, interval: float = 0.1
) -> None:
    """Poll `ready` until it is true; fail with the service's log if it exits or times out."""

    def exited_or_ready() -> bool:
        if service.process.poll() is not None:
            raise RuntimeError(
                f"{service.name} exited with {service.process.returncode}:\n{service.log_tail()}"
            )
        return ready()

    if not poll_until(exited_or_ready, timeout=timeout, interval=interval):
        service.stop()
        raise RuntimeError(
            f"{service.name} was not ready after {timeout:.0f}s:\n{service.log_tail()}"
        )


def http_ok(url: str) -> Callable[[], bool]:
    """A readiness check: `url` answers 2xx."""

    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (local URL)
                return 200 <= int(response.status) < 300
        except (urllib.error.URLError, OSError):
            return False

    return check


def port_open(port: int, host: str = "127.0.0.1") -> Callable[[], bool]:
    def check() -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            return sock.connect_ex((host, port)) == 0

    return check
