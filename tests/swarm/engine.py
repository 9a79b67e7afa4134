"""A Docker engine of the test's own, in single-node Swarm mode.

`dockerd` runs as our child process with its data root, exec root, socket and
pid file under `.data/swarm-<id>/`, never the system's engine. Two checkouts
can test side by side: each engine gets its own bridges (created here, so no
`docker0`/`docker_gwbridge` is shared), its own 10.x address pools, and its
own Swarm listen and data-path ports. Everything is torn down by PID, and
what a killed engine leaves behind (mounts, network namespaces, bridges,
iptables rules naming our bridges) is removed so the next run starts clean.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from devstack import processes
from devstack.paths import DATA

# The docker.io package's own client: BuildKit builds (the newer client first
# on PATH has no buildx and falls back to the legacy builder).
DOCKER = "/usr/bin/docker"
DOCKERD = "/usr/sbin/dockerd"


def _used_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    out = subprocess.run(["ip", "-4", "route"], capture_output=True, text=True, check=True).stdout
    used = []
    for line in out.splitlines():
        first = line.split()[0]
        with contextlib.suppress(ValueError):
            used.append(ipaddress.ip_network(first, strict=False))
    return used


def _free_slash16() -> int:
    """An x in 10.x.0.0/16 that no route on this host overlaps."""
    used = _used_networks()
    candidates = list(range(100, 250))
    random.shuffle(candidates)
    for x in candidates:
        net = ipaddress.ip_network(f"10.{x}.0.0/16")
        if not any(net.overlaps(u) for u in used if u.prefixlen > 0):
            return x
    raise RuntimeError("no free 10.x.0.0/16 for the test engine")


def _free_port_below(limit: int = 49151) -> int:
    """A free TCP and UDP port under `limit` (Swarm's data-path port must be)."""
    while True:
        port = random.randint(20000, limit)
        with (
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp,
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp,
        ):
            try:
                tcp.bind(("127.0.0.1", port))
                udp.bind(("0.0.0.0", port))  # noqa: S104 (a probe, closed at once)
            except OSError:
                continue
            return port


@dataclass
class Engine:
    """One dockerd plus `docker swarm init`, all under `root`."""

    root: Path = field(default_factory=lambda: DATA / f"swarm-{os.getpid()}")
    tag: str = field(default_factory=lambda: f"rq{os.getpid() % 0xFFFFF:05x}")
    service: processes.Service | None = None
    subnet_x: int = 0

    @property
    def socket(self) -> Path:
        return self.root / "docker.sock"

    @property
    def env(self) -> dict[str, str]:
        """The environment for a docker client (and our scripts) to use this engine."""
        return {**os.environ, "DOCKER_HOST": f"unix://{self.socket}", "DOCKER_BUILDKIT": "1"}

    @property
    def bridge(self) -> str:
        return f"{self.tag}b"

    @property
    def gw_bridge(self) -> str:
        return f"{self.tag}g"

    def docker(
        self, *args: str, check: bool = True, input: str | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [DOCKER, *args],
            env=self.env,
            capture_output=True,
            text=True,
            input=input,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"docker {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result

    def start(self) -> None:
        if not Path(DOCKERD).exists():
            raise RuntimeError(f"{DOCKERD} is missing: make setup installs docker.io")
        self.root.mkdir(parents=True, exist_ok=True)
        self.subnet_x = _free_slash16()
        x = self.subnet_x
        # Our own bridge instead of docker0, which another engine may own.
        subprocess.run(["ip", "link", "add", self.bridge, "type", "bridge"], check=True)
        subprocess.run(["ip", "addr", "add", f"10.{x}.255.1/24", "dev", self.bridge], check=True)
        subprocess.run(["ip", "link", "set", self.bridge, "up"], check=True)
        self.service = processes.start(
            "dockerd",
            [
                DOCKERD,
                "--data-root", str(self.root / "data"),
                "--exec-root", str(self.root / "exec"),
                "--pidfile", str(self.root / "docker.pid"),
                "-H", f"unix://{self.socket}",
                "--bridge", self.bridge,
                "--default-address-pool", f"base=10.{x}.0.0/18,size=24",
                "--log-level", "warn",
            ],
            self.root / "dockerd.log",
        )  # fmt: skip
        processes.wait_until(
            self.service,
            lambda: self.docker("version", check=False, timeout=10).returncode == 0,
            timeout=60,
            interval=0.5,
        )
        # docker_gwbridge before swarm init, so its Linux bridge has our name.
        self.docker(
            "network", "create", "--subnet", f"10.{x}.254.0/24",
            "-o", f"com.docker.network.bridge.name={self.gw_bridge}",
            "-o", "com.docker.network.bridge.enable_icc=false",
            "-o", "com.docker.network.bridge.enable_ip_masquerade=true",
            "docker_gwbridge",
        )  # fmt: skip
        port = _free_port_below()
        self.docker(
            "swarm", "init",
            "--advertise-addr", f"127.0.0.1:{port}",
            "--listen-addr", f"127.0.0.1:{port}",
            "--data-path-port", str(_free_port_below()),
            "--default-addr-pool", f"10.{x}.128.0/17",
            "--default-addr-pool-mask-length", "24",
        )  # fmt: skip

    def stop(self) -> None:
        """Stop dockerd by its PID and remove whatever it leaves behind."""
        if self.service is not None:
            with contextlib.suppress(Exception):
                # Containers first, so no shim outlives the engine.
                ids = self.docker("ps", "-aq", check=False, timeout=30).stdout.split()
                if ids:
                    self.docker("rm", "-f", *ids, check=False, timeout=120)
            self.service.stop(timeout=30)
        self._kill_leftover_processes()
        self._unmount_leftovers()
        for bridge in (self.bridge, self.gw_bridge):
            subprocess.run(["ip", "link", "del", bridge], capture_output=True, check=False)
        self._drop_iptables_rules()
        shutil.rmtree(self.root, ignore_errors=True)

    def _kill_leftover_processes(self) -> None:
        """containerd and shims started by our dockerd name our exec root."""
        marker = str(self.root).encode()
        for pid_dir in Path("/proc").iterdir():
            if not pid_dir.name.isdigit() or int(pid_dir.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if marker in (pid_dir / "cmdline").read_bytes():
                    os.kill(int(pid_dir.name), signal.SIGKILL)

    def _unmount_leftovers(self) -> None:
        prefix = str(self.root)
        mounts = [line.split()[1] for line in Path("/proc/mounts").read_text().splitlines()]
        for mount in sorted((m for m in mounts if m.startswith(prefix)), reverse=True):
            subprocess.run(["umount", "-l", mount], capture_output=True, check=False)

    def _drop_iptables_rules(self) -> None:
        # Rules name our bridges, or (host-mode port masquerading) only
        # addresses of our 10.x range.
        names = (f" {self.bridge} ", f" {self.gw_bridge} ", f" 10.{self.subnet_x}.")
        for table in ("nat", "filter"):
            rules = subprocess.run(
                ["iptables", "-t", table, "-S"], capture_output=True, text=True, check=False
            ).stdout
            for rule in rules.splitlines():
                if rule.startswith("-A ") and self.subnet_x and any(n in f"{rule} " for n in names):
                    args = ["-D", *rule.split()[1:]]
                    subprocess.run(["iptables", "-t", table, *args], capture_output=True)

    def inspect(self, kind: str, name: str) -> dict[str, object]:
        out = self.docker(kind, "inspect", name).stdout
        first: dict[str, object] = json.loads(out)[0]
        return first

    def wait(self, what: str, ready: object, timeout: float, interval: float = 2.0) -> float:
        """Poll `ready()` until true; returns the seconds it took."""
        assert callable(ready)
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if ready():
                return time.monotonic() - started
            time.sleep(interval)
        raise AssertionError(f"{what}: not within {timeout:.0f}s")
