# syntax=docker/dockerfile:1
# One build, three images: `docker build --target api|worker|migrate .` (the last stage, api, is the default).
ARG NODE_IMAGE=node:24-bookworm-slim

# --- dependencies: cached until package.json or the lock file changes
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- compile, and pre-bundle the workflows: the worker must not bundle at start-up, and the bundle
# script fails the build when workflow code pulls in something that would only break at run time
FROM deps AS build
COPY . .
RUN npm run build \
 && node dist/scripts/bundle-workflows.js dist/workflow-bundle.js

# --- the web console, served by the API from its own origin (web/dist). It imports the server's stage and task
# labels (workflows/labels.ts, via the '@server/labels' alias), whose type-only imports resolve in /app/node_modules.
FROM deps AS web
WORKDIR /app/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
COPY workflows/ ../workflows/
RUN npm run build

# --- production dependencies only: the dev tools (TypeScript, Jest, swc) stay out of the images
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# --- what every image runs on. Code is owned by root and read-only to the `node` user the process runs as,
# so a compromised process cannot rewrite the application.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# the fonts embedded in issued documents (src/documents/render/fonts.ts), from Debian like everything else here
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
# evidence uploads and the development signer's key (volumes in docker-compose.yml), writable by the app user only
RUN mkdir -p /var/lib/edu-credit/uploads /var/lib/edu-credit/signing \
 && chown node:node /var/lib/edu-credit/uploads /var/lib/edu-credit/signing && chmod 700 /var/lib/edu-credit/signing
ENV DOCUMENT_SIGNING_KEY_FILE=/var/lib/edu-credit/signing/sm2-key.pem
USER node

FROM runtime AS migrate
CMD ["node", "dist/scripts/migrate.js"]

FROM runtime AS worker
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
# V8 heaps bounded (the flags reach the workflow thread too): with the default sticky cache the worker stays under
# 400 MB however many cases are open (README "Configuration"; the same flags as package.json start:worker)
CMD ["node", "--max-old-space-size=192", "--max-semi-space-size=4", "dist/src/worker.js"]

FROM runtime AS api
COPY --from=web /app/web/dist ./web/dist
# main.ts binds to 127.0.0.1 unless told otherwise; inside a container that would be unreachable
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
