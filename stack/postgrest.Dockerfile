# syntax=docker/dockerfile:1.7
# PostgREST as in production (ADR 0006), plus what the official image lacks:
# a shell and an HTTP client for the Swarm health check (a static busybox),
# and an entrypoint that builds PGRST_DB_URI from a Docker secret.
# Build from the repository root: docker build -f stack/postgrest.Dockerfile .

FROM busybox:1.37.0-musl AS busybox

FROM postgrest/postgrest:v12.2.12
# The musl variant of busybox is statically linked: it runs in an image that
# has no libc of its own.
COPY --from=busybox /bin/busybox /bin/busybox
COPY --chmod=0555 stack/postgrest/entrypoint.sh /usr/local/bin/reqstly-postgrest
# The official image already runs as uid 1000; say so explicitly.
USER 1000
EXPOSE 3000 3001
ENTRYPOINT ["/bin/busybox", "sh", "/usr/local/bin/reqstly-postgrest"]
