# Local stand-in for python:3.11-slim-bookworm (tests/swarm only, ADR 0009):
# Debian's own Python 3.11 (debootstrap base) plus every wheel the project
# needs, prepared on the host. pip inside a build finds them through
# PIP_FIND_LINKS and never asks PyPI (HTTPS from containers fails here).
ARG BASE
FROM ${BASE}
COPY wheels/ /opt/wheels/
ENV PIP_NO_INDEX=1 \
    PIP_FIND_LINKS=/opt/wheels \
    PIP_DISABLE_PIP_VERSION_CHECK=1
