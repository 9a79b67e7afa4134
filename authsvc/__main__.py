"""`python -m authsvc`: read the environment once and serve."""

from __future__ import annotations

import logging
import os
import sys

from aiohttp import web

from authsvc.app import create_app
from authsvc.logs import setup_logging
from authsvc.settings import Settings, SettingsError


def main() -> int:
    setup_logging()
    try:
        settings = Settings.from_env(os.environ)
    except SettingsError as error:
        logging.getLogger("authsvc").error("configuration error", extra={"problem": str(error)})
        return 2
    if settings.local_mode:
        logging.getLogger("authsvc").warning("local mode: never use this in production")
    web.run_app(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=None,
        print=None,
        shutdown_timeout=10.0,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
