"""`python -m authsvc.notifier`: read the environment once and deliver until SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from authsvc.logs import setup_logging
from authsvc.notifier.settings import NotifierSettings, SettingsError
from authsvc.notifier.worker import run

log = logging.getLogger("authsvc.notifier")


async def _main(settings: NotifierSettings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await run(settings, stop)
    log.info("stopped")


def main() -> int:
    setup_logging()
    try:
        settings = NotifierSettings.from_env(os.environ)
    except SettingsError as error:
        log.error("configuration error", extra={"problem": str(error)})
        return 2
    log.info("starting", extra={"settings": repr(settings)})
    asyncio.run(_main(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
