#!/usr/bin/env bash
# The test command: installs what it needs, starts its own Temporal dev server on free ports and its
# own database, then runs every suite. Shares nothing with a running `npm run up`.
source "$(dirname "$0")/lib.sh"
bootstrap
install_pdf_tools
cd "$ROOT"

export NODE_ENV=test LOG_LEVEL=silent
TEST_DB=${TEST_DB:-educredit_test}
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$TEST_DB"
export REDIS_URL="redis://127.0.0.1:6379/${TEST_REDIS_DB:-13}"
export QUEUE_PREFIX="educredit-test-$$"
throwaway_secrets # the suites below (fuzz, web, faults) inherit them; nothing uses a value from the repository
# every test signs in from 127.0.0.1, some of them failing on purpose: the per-address limit is tested on its own
export LOGIN_ADDRESS_LIMIT=500
# the same for the public pages' allowance: the suites that test it lower it themselves (test/support/throttle.ts)
export PUBLIC_THROTTLE_LIMIT=1000
# a throwaway document signing key per run (the development signer creates it on first use), never var/'s own
SIGNING_DIR=$(mktemp -d)
export DOCUMENT_SIGNING_KEY_FILE="$SIGNING_DIR/sm2-key.pem"

if [ -z "${SKIP_BUILD:-}" ]; then # SKIP_BUILD=1 is for quick local iterations only; CI never sets it
  log "type-checking and building"
  npx tsc -p tsconfig.json --noEmit
  npm run -s build # from an empty dist/ (package.json): a deleted source file must not survive as stale JS
  install_web_deps # the lint type-checks the console's files with web/tsconfig.json
  log "linting the whole tree (type-aware, eslint.config.mjs)"
  LINT_START=$SECONDS
  npm run --silent lint
  log "lint clean in $((SECONDS - LINT_START)) s"
  node dist/scripts/bundle-workflows.js "$ROOT/var/test-workflow-bundle.js"
fi

ensure_database "$TEST_DB" fresh
npx ts-node -T scripts/migrate.ts
# chinese-days stops at 2026: without next year's schedule, tests started in December would fail on deadlines in January
npx ts-node -T scripts/publish-draft-calendar.ts

TPORT=$(free_port); TUI=$(free_port); THTTP=$(free_port); TMETRICS=$(free_port)
mkdir -p var
# the restore drill (below) backs up this server's history, so it keeps it in a file rather than in memory
TEMPORAL_STATE=$(mktemp -d)
TEMPORAL_DB_ARGS=(); [ -n "${SKIP_RESTORE:-}" ] || TEMPORAL_DB_ARGS=(--db-filename "$TEMPORAL_STATE/temporal.db")
"$TEMPORAL_BIN" server start-dev --headless --ip 127.0.0.1 --port "$TPORT" --ui-port "$TUI" --http-port "$THTTP" \
  --metrics-port "$TMETRICS" --log-level error "${TEMPORAL_DB_ARGS[@]}" >var/test-temporal.log 2>&1 &
TEMPORAL_PID=$!
trap 'kill $TEMPORAL_PID 2>/dev/null; wait $TEMPORAL_PID 2>/dev/null || true; rm -rf "$SIGNING_DIR" "$TEMPORAL_STATE"' EXIT
wait_for_port "$TPORT" 60
export TEMPORAL_ADDRESS="127.0.0.1:$TPORT" TEMPORAL_TASK_QUEUE="edu-credit-test-$$"

if [ "${1:-}" = --exec ]; then # run a command in the test environment instead of jest (e.g. recording histories)
  shift
  "$@"
  exit $?
fi

log "running jest (unit, workflows, e2e)"
npx jest --runInBand "$@"

# the restore drill on what the suites left (small data): back up this run's database and Temporal history, restore
# both onto fresh ones and prove the copy works (scripts/restore-drill.sh; SKIP_RESTORE=1 skips it locally)
if [ -z "${SKIP_RESTORE:-}" ]; then
  log "backup and restore drill"
  TEMPORAL_DB_FILE="$TEMPORAL_STATE/temporal.db" bash scripts/backup.sh "$TEMPORAL_STATE/backup"
  # the suites tamper with a few chains on purpose: the drill checks each is restored broken where it was, the rest intact
  DRILL_SOURCE_DATABASE_URL="$DATABASE_URL" bash scripts/restore-drill.sh "$TEMPORAL_STATE/backup"
fi

# the web console: component tests and a browser run on the real API and worker (SKIP_WEB=1 skips it locally)
[ -n "${SKIP_WEB:-}" ] || bash scripts/test-web.sh

# the API fuzzer: schemathesis against the live API from its OpenAPI document, a few hundred requests (SKIP_FUZZ=1 skips it)
[ -n "${SKIP_FUZZ:-}" ] || bash scripts/test-fuzz.sh

# the fault suite: its own PostgreSQL, Redis and Temporal, faults while cases are in flight (SKIP_FAULTS=1 skips it)
[ -n "${SKIP_FAULTS:-}" ] || bash scripts/test-faults.sh
