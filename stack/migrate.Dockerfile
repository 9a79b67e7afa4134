# The migration job: yoyo applies db/migrations, then the login roles get
# their passwords from Docker secrets (stack/migrate/entrypoint.sh).
# Build from the repository root: docker build -f stack/migrate.Dockerfile .

ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --only-binary=:all: \
      yoyo-migrations==9.0.0 "psycopg[binary]==3.3.9"

FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN groupadd --system --gid 10002 migrate \
 && useradd --system --uid 10002 --gid migrate --no-create-home --shell /usr/sbin/nologin migrate
COPY --from=build /opt/venv /opt/venv
COPY db/migrations /migrations
COPY --chmod=0555 stack/migrate/entrypoint.sh /usr/local/bin/reqstly-migrate
COPY --chmod=0444 stack/migrate/set_role_passwords.py /usr/local/lib/reqstly/set_role_passwords.py
USER 10002:10002
ENTRYPOINT ["/usr/local/bin/reqstly-migrate"]
