"""The notification worker: delivers the outbox that the database's triggers fill.

Run with `python -m authsvc.notifier` (its own Swarm service from the same
image as authsvc; docs/adr/0015-notifications-outbox-and-worker.md). It shares
the image and the JSON logging with authsvc and nothing else: no module here
imports authsvc's sign-in code.
"""
