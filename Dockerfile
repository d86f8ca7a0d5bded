# syntax=docker/dockerfile:1
#
# EZ360PM application image. One image runs all three app processes:
#   api     node --import tsx bin/api.ts      (default CMD, port 3000)
#   worker  node --import tsx bin/worker.ts
#   migrate node --import tsx bin/migrate.ts
# The TypeScript sources are run directly through tsx (a runtime dependency);
# only the web app is compiled at build time (vite -> web/dist).
#
# Build metadata (exported to the running processes as env vars):
#   docker build \
#     --build-arg APP_VERSION="$(git describe --tags --always)" \
#     --build-arg GIT_COMMIT="$(git rev-parse HEAD)" \
#     --build-arg BUILD_DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
#     -t ez360pm:<version> .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# npm 11: package.json carries an `allowScripts` policy that only npm 11
# honours (the npm 10 bundled with Node 20 ignores it and runs every
# dependency install script). Keep in step with the npm used for the lockfile.
FROM ${NODE_IMAGE} AS npm-base
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" \
 && npm cache clean --force
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app

# ---------------------------------------------------------------------------
# Production dependencies only (no vite, vitest, drizzle-kit, typescript, ...).
FROM npm-base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

# ---------------------------------------------------------------------------
# Full install + web build.
FROM npm-base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci
COPY . .
RUN npm run build:web

# ---------------------------------------------------------------------------
# Runtime: stock Node image + production node_modules + sources + web/dist.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app

# Files stay owned by root (read-only for the app user); nothing is written
# under /app at runtime. tsx keeps its transform cache in /tmp.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/web/dist ./web/dist

# Build metadata last so changing it does not invalidate the layers above.
# An empty APP_VERSION means "unset": the app then reports package.json's version.
ARG APP_VERSION=
ARG GIT_COMMIT=unknown
ARG BUILD_DATE=unknown
ENV APP_VERSION=${APP_VERSION} \
    GIT_COMMIT=${GIT_COMMIT} \
    BUILD_DATE=${BUILD_DATE}
LABEL org.opencontainers.image.title="ez360pm" \
      org.opencontainers.image.version="${APP_VERSION}" \
      org.opencontainers.image.revision="${GIT_COMMIT}" \
      org.opencontainers.image.created="${BUILD_DATE}"

# Unprivileged user shipped with the official Node image (uid/gid 1000).
USER node

EXPOSE 3000

# API health: GET /healthz is 200 when healthy, 500 when the database is down.
# The worker and migrate containers run the same image without an HTTP port;
# docker-compose.yml disables this check for them.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "--import", "tsx", "bin/api.ts"]
