# authsvc: the aiohttp sign-in service (docs/ARCHITECTURE.md).
# Build from the repository root: docker build -f stack/authsvc.Dockerfile .

ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

# ── build: install the package and its pinned dependencies into a venv ──────
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY pyproject.toml ./
COPY authsvc ./authsvc
# Every runtime dependency ships manylinux wheels (psycopg[binary],
# cryptography): no compiler is needed here, and none reaches the final image.
RUN /opt/venv/bin/pip install --only-binary=:all: --no-deps --upgrade pip \
 && /opt/venv/bin/pip install .

# ── runtime: the venv on a clean slim image, as a non-root user ─────────────
FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN groupadd --system --gid 10001 authsvc \
 && useradd --system --uid 10001 --gid authsvc --no-create-home --shell /usr/sbin/nologin authsvc
COPY --from=build /opt/venv /opt/venv
# Drained on stop: Caddy stops sending new requests before aiohttp closes.
COPY --chmod=0555 stack/drain-on-stop.sh /usr/local/bin/drain-on-stop
USER 10001:10001
EXPOSE 8000 9100
# Health check (stack file): python -c "urllib.request.urlopen('…/auth/livez')"
# — python is this image's own interpreter.
ENTRYPOINT ["/usr/local/bin/drain-on-stop", "python", "-m", "authsvc"]
