"""A cookie-keeping HTTP client for tests.

Python cookie jars do not send Secure cookies over http://localhost, so this
keeps cookies itself: it reads every Set-Cookie and sends a Cookie header.
Every cookie value and authorization code it sees is remembered in SECRETS,
so test_hardening can check that none of them reached a log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

SECRETS: set[str] = set()


@dataclass(frozen=True)
class SetCookie:
    name: str
    value: str
    attributes: dict[str, str]
    flags: frozenset[str]


def parse_set_cookie(header: str) -> SetCookie:
    cookie: SimpleCookie = SimpleCookie()
    cookie.load(header)
    ((name, morsel),) = cookie.items()
    lowered = header.lower()
    flags = frozenset(flag for flag in ("httponly", "secure") if flag in lowered)
    attributes = {
        key: value for key, value in morsel.items() if value and key not in {"httponly", "secure"}
    }
    return SetCookie(name, morsel.value, attributes, flags)


@dataclass
class Browser:
    """Cookies for one person; `origin` is sent as Origin on POSTs."""

    origin: str
    cookies: dict[str, str] = field(default_factory=dict)
    last_set_cookies: dict[str, SetCookie] = field(default_factory=dict)
    client: httpx.AsyncClient = field(
        default_factory=lambda: httpx.AsyncClient(follow_redirects=False, timeout=15)
    )

    def remember(self, response: httpx.Response) -> None:
        self.last_set_cookies = {}
        for header in response.headers.get_list("set-cookie"):
            parsed = parse_set_cookie(header)
            self.last_set_cookies[parsed.name] = parsed
            if parsed.attributes.get("max-age") == "0" or not parsed.value:
                self.cookies.pop(parsed.name, None)
            else:
                self.cookies[parsed.name] = parsed.value
                SECRETS.add(parsed.value)
        location = response.headers.get("location", "")
        for code in parse_qs(urlsplit(location).query).get("code", []):
            SECRETS.add(code)

    def cookie_header(self, only: list[str] | None = None) -> dict[str, str]:
        chosen = {k: v for k, v in self.cookies.items() if only is None or k in only}
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in chosen.items())} if chosen else {}

    async def get(
        self, url: str, *, headers: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        response = await self.client.get(
            url, headers={**self.cookie_header(), **(headers or {})}, **kw
        )
        self.remember(response)
        return response

    async def post(
        self, url: str, *, headers: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        base = {"Origin": self.origin, **self.cookie_header()}
        response = await self.client.post(url, headers={**base, **(headers or {})}, **kw)
        self.remember(response)
        return response

    async def aclose(self) -> None:
        await self.client.aclose()
