"""Typed application state: what create_app puts on the app, by key."""

from __future__ import annotations

import httpx2
from aiohttp import web

from authsvc.db import Database, Pool
from authsvc.metrics import Metrics
from authsvc.oidc import AzureSignIn
from authsvc.ratelimit import RateLimiter
from authsvc.sessions import CookieSealer
from authsvc.settings import Settings

SETTINGS = web.AppKey("settings", Settings)
METRICS = web.AppKey("metrics", Metrics)
SEALER = web.AppKey("sealer", CookieSealer)
POOL = web.AppKey("pool", Pool)
DB = web.AppKey("db", Database)
LIMITER = web.AppKey("limiter", RateLimiter)
HTTP = web.AppKey("http", httpx2.AsyncClient)
AZURE = web.AppKey("azure", AzureSignIn)
