"""JSON log lines with the request's correlation id.

Caddy sets `X-Request-Id`; the middleware in app.py puts it in a context
variable so every line logged while handling that request carries it.
Log only what is listed in `extra=` by the caller: never tokens, cookies,
authorization codes or secrets. As a second line, every line — ours and any
library's (aiohttp's access log, httpx's request log) — has the values of
the OAuth callback parameters (`code`, `state`, `session_state`,
`id_token`, …) replaced by `[redacted]` before it is written.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
from typing import Any

correlation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "correlation_id", default=None
)

# Attributes every LogRecord has; anything else came in through `extra=`.
_STANDARD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", None, None)).keys() | {"message", "asctime"}
)


# A query or form parameter that carries a sign-in secret, and its value.
_SECRET_PARAMETER = re.compile(
    r"(?P<name>\b(?:code|state|session_state|id_token|access_token|refresh_token|code_verifier|client_secret)=)"
    r"(?P<value>[^&\s\"'#]+)"
)


def redact(text: str) -> str:
    """`text` with the value of every sign-in secret parameter replaced."""
    return _SECRET_PARAMETER.sub(r"\g<name>[redacted]", text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        request_id = correlation_id.get()
        if request_id:
            line["correlation_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                line[key] = redact(value) if isinstance(value, str) else value
        if record.exc_info and record.exc_info[0] is not None:
            # Type, message and frames only: code lines, never local values.
            line["error"] = record.exc_info[0].__name__
            line["traceback"] = redact(self.formatException(record.exc_info))[-3000:]
        return json.dumps(line, default=str)


def setup_logging(level: int = logging.INFO) -> None:
    """Send every log record to stdout as one JSON line."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's own access log would repeat ours, with less care for secrets.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    # httpx logs request URLs, which carry authorization codes on the way back.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpx2").setLevel(logging.WARNING)
