#!/usr/bin/env bash
# Every benchmark in bench/, one table of figures at the end (see bench/README.md). Exits 0 even when a
# target is missed: the table is the result. Extra arguments go to bench/run-all.ts (e.g. --only worklist).
source "$(dirname "$0")/lib.sh"
bootstrap
install_web_deps # web-first-load builds the console and loads it in Chromium
ensure_chromium
cd "$ROOT"
# the browser bench signs in with the API's own TOTP code (dist/src/auth/totp.js): a clean clone has no dist/ yet
log "building the API (dist/)"
npm run -s build
throwaway_secrets # the benches' API and worker processes inherit them
npx ts-node -T bench/run-all.ts "$@"
