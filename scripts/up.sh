#!/usr/bin/env bash
# The run command: installs what it needs, starts Temporal (dev server, SQLite under var/), makes sure
# PostgreSQL and Redis are up, migrates, loads demo data, builds, then runs the API and the worker in the
# foreground (API_PROCESSES APIs on the one port and WORKERS workers, 1 and 1 unless set). Ctrl-C stops everything
# it started; data stays in PostgreSQL and var/ for the next run.
source "$(dirname "$0")/lib.sh"
bootstrap
cd "$ROOT"
mkdir -p var/log

export NODE_ENV=${NODE_ENV:-development}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/educredit}
export PORT=${PORT:-3000}
export TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-127.0.0.1:7233}
TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8233}

pids=()
stop() {
  trap - EXIT INT TERM
  log "stopping (data is kept in PostgreSQL and var/)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

log "building"
npm run -s build # from an empty dist/ (package.json): a deleted source file must not survive as stale JS
node dist/scripts/bundle-workflows.js dist/workflow-bundle.js
build_web

# this installation's own secrets: made on the first run (var/secrets.env, mode 0600, git-ignored), reused afterwards;
# variables already set in the environment win (docs/identity.md)
SECRETS_FILE=${SECRETS_FILE:-var/secrets.env}
secrets_state=$(node dist/scripts/secrets.js ensure "$SECRETS_FILE")
[ "$secrets_state" = created ] && log "generated this installation's secrets into $SECRETS_FILE (keep it private; back it up with the database)"
load_secrets "$SECRETS_FILE"

if ! (exec 3<>"/dev/tcp/127.0.0.1/${TEMPORAL_ADDRESS##*:}") 2>/dev/null; then
  log "starting the Temporal dev server (history in var/temporal.db, Web UI on :$TEMPORAL_UI_PORT)"
  "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "${TEMPORAL_ADDRESS##*:}" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename var/temporal.db --log-level warn >var/log/temporal.log 2>&1 &
  pids+=($!)
  wait_for_port "${TEMPORAL_ADDRESS##*:}" 60
fi
ensure_database educredit
node dist/scripts/migrate.js
if [ "$secrets_state" = created ]; then
  # data an older `npm run up` sealed with the key once published in the repository moves to this installation's key
  node dist/scripts/reseal.js --from-repository-key
fi
node dist/scripts/seed-demo.js
node dist/scripts/publish-draft-calendar.js # demo only: next year's statutory holidays until the real notice is entered
# before release 1.0.0 the workflow changes without patched(): cases an older build started that no longer replay
# are terminated and listed in the log, instead of failing their workflow tasks forever (docs/workflow-versions.md)
log "checking that the running cases in var/temporal.db replay with this build's workflow code"
node dist/scripts/replay-running-cases.js dist/workflow-bundle.js

# the municipal platform simulator: its own process and port; PLATFORM_URL set by hand points elsewhere instead
SIMULATOR_PORT=${SIMULATOR_PORT:-3100}
if [ -z "${PLATFORM_URL:-}" ]; then
  export PLATFORM_URL="http://127.0.0.1:$SIMULATOR_PORT"
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$SIMULATOR_PORT") 2>/dev/null; then
    log "starting the municipal platform simulator on :$SIMULATOR_PORT (state in var/platform-simulator.json)"
    SIMULATOR_PORT=$SIMULATOR_PORT SIMULATOR_STATE_FILE="$ROOT/var/platform-simulator.json" \
      node dist/src/platform-simulator/main.js >>var/log/platform-simulator.log 2>&1 &
    pids+=($!)
    wait_for_port "$SIMULATOR_PORT" 30
  fi
fi

# API_PROCESSES APIs behind the one port (src/cluster.ts) and WORKERS workers; what they share is in Redis,
# PostgreSQL and Temporal (README "Operating it"). Metrics ports step by 10 per process so none collide.
API_PROCESSES=${API_PROCESSES:-1}
WORKERS=${WORKERS:-1}
log "starting $WORKERS worker(s) and $API_PROCESSES API process(es)"
for ((j = 0; j < WORKERS; j++)); do
  suffix=$([ "$j" = 0 ] && echo "" || echo "-$j")
  # the worker's V8 heaps (its own and its workflow thread's) bounded as in package.json start:worker (README "Configuration")
  WORKER_METRICS_PORT=$((${WORKER_METRICS_PORT:-9465} + 10 * j)) TEMPORAL_METRICS_PORT=$((${TEMPORAL_METRICS_PORT:-9466} + 10 * j)) \
    WORKFLOW_BUNDLE_PATH="$ROOT/dist/workflow-bundle.js" node --max-old-space-size=192 --max-semi-space-size=4 dist/src/worker.js \
    >>"var/log/worker$suffix.log" 2>&1 &
  pids+=($!)
done
API_PROCESSES=$API_PROCESSES node dist/src/cluster.js >>var/log/api.log 2>&1 &
pids+=($!)
wait_for_port "$PORT" 60

cat <<MSG

  edu-credit is running.
    Web console    http://127.0.0.1:$PORT/            (public lookup: http://127.0.0.1:$PORT/public)
    API            http://127.0.0.1:$PORT/api        (OpenAPI: http://127.0.0.1:$PORT/api/docs)
    Health         http://127.0.0.1:$PORT/api/health
    Temporal UI    http://127.0.0.1:$TEMPORAL_UI_PORT
    Queues         http://127.0.0.1:$PORT/api/admin/queues   (admin; see README "Municipal platform and notifications")
    Platform (sim) $PLATFORM_URL   (contract: $PLATFORM_URL/openapi.yaml)
    Logs           var/log/{api,worker,temporal,platform-simulator}.log   ($API_PROCESSES API, $WORKERS worker process(es))

  Demo logins (development only):
$(node dist/scripts/seed-demo.js --print)

  Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
