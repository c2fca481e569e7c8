#!/usr/bin/env bash
# The web console's tests, run by scripts/test.sh after jest (or alone, with the environment test.sh sets up:
# DATABASE_URL of a migrated database, TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE, REDIS_URL, QUEUE_PREFIX).
#   1. installs web/ (npm ci) and Debian's Chromium if missing — never a downloaded browser;
#   2. type-checks and builds web/dist, runs the component tests (Vitest);
#   3. starts the real API (serving web/dist) and worker on a free port, loads the demo accounts, and drives
#      Chromium through the main screens with playwright-core; screenshots go to test-output/screenshots/.
source "$(dirname "$0")/lib.sh"
install_node # Node 24 (vitest and jsdom need it); a no-op when scripts/test.sh already did it
cd "$ROOT"

ensure_chromium

build_web
log "running the web console's component tests (vitest)"
(cd web && npx vitest run)

WEB_PORT=$(free_port)
mkdir -p test-output/screenshots
npx ts-node -T scripts/seed-demo.ts >/dev/null
WEB_DIST_DIR="$ROOT/web/dist" start_app "$WEB_PORT" test-web

log "type-checking the browser tests"
(cd web && npx tsc -p e2e/tsconfig.json)
log "driving Chromium through the web console (playwright-core): one file per role, then one case's whole lifecycle"
# E2E_FILES narrows the run (e.g. E2E_FILES=web/e2e/roles/officer.e2e.ts); each role file stands alone, in any order
# shellcheck disable=SC2086
BASE_URL="http://127.0.0.1:$WEB_PORT" SCREENSHOT_DIR="$ROOT/test-output/screenshots" node --test --test-reporter=spec --test-concurrency=1 \
  ${E2E_FILES:-web/e2e/roles/*.e2e.ts web/e2e/lifecycle.e2e.mjs}
