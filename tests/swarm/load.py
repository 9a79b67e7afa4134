"""Bounded load through Caddy's host port, counting every failed request.

Readers GET a path again and again; writers file requests and remember each
one the API acknowledged (201), so a drill can check afterwards that every
acknowledged create is still there. A pause between requests keeps the load
bounded on a shared 2-core machine.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


@dataclass
class LoadResult:
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    created: list[int] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        rate = self.requests / self.seconds if self.seconds else 0.0
        return (
            f"{self.requests} requests in {self.seconds:.0f}s ({rate:.0f}/s), "
            f"{self.failed} failed, {len(self.created)} creates acknowledged"
        )


@dataclass
class Load:
    """Run `readers` GET loops and `writers` create loops until stopped."""

    client: Callable[[], httpx.Client]
    read_paths: list[str]
    headers: dict[str, str]
    readers: int = 3
    writers: int = 0
    pause: float = 0.05
    create_body: dict[str, str] | None = None
    result: LoadResult = field(default_factory=LoadResult)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _threads: list[threading.Thread] = field(default_factory=list)
    _started: float = 0.0

    def __enter__(self) -> Load:
        self._started = time.monotonic()
        for i in range(self.readers):
            self._spawn(self._read_loop, i)
        for i in range(self.writers):
            self._spawn(self._write_loop, i)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)
        self.result.seconds = time.monotonic() - self._started

    def _spawn(self, loop: Callable[[int], None], i: int) -> None:
        thread = threading.Thread(target=loop, args=(i,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def _record(self, ok: bool, what: str, created: int | None = None) -> None:
        with self._lock:
            self.result.requests += 1
            if not ok:
                self.result.failures.append(what)
            if created is not None:
                self.result.created.append(created)

    def _read_loop(self, i: int) -> None:
        with self.client() as http:
            n = 0
            while not self._stop.is_set():
                path = self.read_paths[(i + n) % len(self.read_paths)]
                n += 1
                try:
                    response = http.get(path, headers=self.headers)
                    ok = response.status_code == 200
                    self._record(ok, f"GET {path}: {response.status_code} {response.text[:120]}")
                except httpx.HTTPError as error:
                    self._record(False, f"GET {path}: {error!r}")
                time.sleep(self.pause)

    def _write_loop(self, i: int) -> None:
        assert self.create_body is not None
        with self.client() as http:
            n = 0
            while not self._stop.is_set():
                n += 1
                body = {**self.create_body, "title": f"{self.create_body['title']} w{i}-{n}"}
                try:
                    response = http.post(
                        "/rest/requests",
                        json=body,
                        headers={**self.headers, "Prefer": "return=representation"},
                    )
                    if response.status_code == 201:
                        self._record(True, "", created=int(response.json()[0]["id"]))
                    else:
                        self._record(False, f"POST: {response.status_code} {response.text[:120]}")
                except httpx.HTTPError as error:
                    self._record(False, f"POST: {error!r}")
                time.sleep(self.pause * 2)
