# Local stand-in for postgrest/postgrest (tests/swarm only, ADR 0009): the
# pinned npm binary (12.0.2; production runs v12.2.12) at the same path, as
# the same user. stack/postgrest.Dockerfile adds busybox and the entrypoint.
ARG BASE
FROM ${BASE}
COPY --chmod=0555 postgrest /bin/postgrest
USER 1000
CMD ["postgrest"]
