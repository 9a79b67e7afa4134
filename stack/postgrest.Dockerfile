# PostgREST as in production (ADR 0006), plus what the official image lacks:
# a shell and an HTTP client for the Swarm health check (a static busybox),
# and an entrypoint that builds PGRST_DB_URI from a Docker secret.
# Build from the repository root: docker build -f stack/postgrest.Dockerfile .

ARG BUSYBOX_IMAGE=busybox:1.37.0-musl
ARG POSTGREST_IMAGE=postgrest/postgrest:v12.2.12

FROM ${BUSYBOX_IMAGE} AS busybox

FROM ${POSTGREST_IMAGE}
# The musl variant of busybox is statically linked: it runs in an image that
# has no libc of its own.
COPY --from=busybox /bin/busybox /bin/busybox
COPY --chmod=0555 stack/postgrest/entrypoint.sh /usr/local/bin/reqstly-postgrest
COPY --chmod=0555 stack/drain-on-stop.sh /usr/local/bin/drain-on-stop
# The official image already runs as uid 1000; say so explicitly.
USER 1000
EXPOSE 3000 3001
ENTRYPOINT ["/bin/busybox", "sh", "/usr/local/bin/reqstly-postgrest"]
