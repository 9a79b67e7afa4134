"""Reqstly authentication service (aiohttp)."""
