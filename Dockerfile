# The AI Review Gate App (docs/app.md, "Run it"):
#   docker build -t ai-review-gate-app .
#   docker run --env-file .env -p 3000:3000 ai-review-gate-app
# It refuses to start without APP_ID, the private key and WEBHOOK_SECRET (one line on stderr, exit 1).
#
# Base: the Node 24 LTS Alpine image, pinned by its multi-platform index digest so a rebuild starts from
# the same bytes. To move to a newer patch release, change the tag and the digest together: the digest is
# what `docker buildx imagetools inspect node:<tag>` prints as "Digest".
ARG NODE_IMAGE=node:24.21.0-alpine3.24@sha256:ebfe2f90462722a7a4de65e91990e97fe0d401c70e0e762c5b53302f905ec1c1

# Build stage: bundle the server from the sources (the committed dist/ is not trusted to be current).
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs --only server

# Runtime stage: the self-contained bundle and the WASM parsers it loads from beside itself. No npm
# install, no node_modules, no sources.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    LOG_FORMAT=json \
    PORT=3000
WORKDIR /app
# package.json only tells node that dist/*.js are ES modules (and gives Probot the App's name and version).
COPY package.json ./
COPY --from=build /src/dist/server.js /src/dist/libpg-query.wasm ./dist/
COPY --from=build /src/dist/hcl2json ./dist/hcl2json
# The image's unprivileged "node" user, by number so that runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
