"""Typed application state: what create_app puts on the app, by key."""

from __future__ import annotations

from aiohttp import web

from authsvc.cookies import CookieSealer
from authsvc.db import Database
from authsvc.metrics import Metrics
from authsvc.oidc import AzureSignIn
from authsvc.ratelimit import RateLimiter
from authsvc.settings import Settings

SETTINGS = web.AppKey("settings", Settings)
METRICS = web.AppKey("metrics", Metrics)
SEALER = web.AppKey("sealer", CookieSealer)
DB = web.AppKey("db", Database)
LIMITER = web.AppKey("limiter", RateLimiter)
AZURE = web.AppKey("azure", AzureSignIn)
