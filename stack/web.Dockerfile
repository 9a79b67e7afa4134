# The SPA build: a node:20 stage runs `npm ci && npm run build` in web/; the
# image that comes out holds only the static files in /srv/web. It is never
# run: stack/caddy.Dockerfile copies /srv/web into the front door, which
# serves the SPA itself (caddy/reqstly.caddy, root {$REQSTLY_WEB_ROOT}).
# Build from the repository root: docker build -f stack/web.Dockerfile .

ARG NODE_IMAGE=node:20.19.5-bookworm-slim
FROM ${NODE_IMAGE} AS build
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM scratch
COPY --from=build /web/dist /srv/web
