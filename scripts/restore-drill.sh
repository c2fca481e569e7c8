#!/usr/bin/env bash
# The restore drill: restores a backup (scripts/backup.sh) onto a fresh database and a fresh Temporal file, starts a
# Temporal dev server on the copy, and proves the restored system works (scripts/restore-drill.ts): every credit
# chain verifies, an open case resumes (it takes an update), and the outbox sends nothing twice. Touches nothing of
# the original: its own database (dropped at the end), Temporal ports, Redis key prefix and platform simulator.
#   bash scripts/restore-drill.sh BACKUP_DIR
# `npm test` runs it on the test run's own data after Jest (SKIP_RESTORE=1 skips it); by hand, against `npm run up`:
#   bash scripts/backup.sh var/backups/now && bash scripts/restore-drill.sh var/backups/now
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BACKUP=$(cd "${1:?usage: restore-drill.sh BACKUP_DIR}" && pwd)
cd "$ROOT"
[ -n "${TEMPORAL_BIN:-}" ] || { install_node; install_temporal; }
(cd "$BACKUP" && sha256sum --quiet -c <(grep -E '^[0-9a-f]{64} ' MANIFEST)) || { log "backup $BACKUP does not match its MANIFEST"; exit 1; }

START=$SECONDS
DRILL_DB="educredit_drill_$$"
WORK=$(mktemp -d)
cleanup() {
  [ -n "${DRILL_TEMPORAL_PID:-}" ] && kill "$DRILL_TEMPORAL_PID" 2>/dev/null && wait "$DRILL_TEMPORAL_PID" 2>/dev/null
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS \"$DRILL_DB\" WITH (FORCE)" postgres || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "restore drill: PostgreSQL into $DRILL_DB, Temporal into a fresh file"
ensure_database "$DRILL_DB" fresh
pg_restore --no-owner --no-privileges --exit-on-error -d "postgres://postgres@127.0.0.1:5432/$DRILL_DB" "$BACKUP/educredit.dump"
cp "$BACKUP/temporal.db" "$WORK/temporal.db"
TPORT=$(free_port); TUI=$(free_port); THTTP=$(free_port); TMETRICS=$(free_port)
"$TEMPORAL_BIN" server start-dev --headless --ip 127.0.0.1 --port "$TPORT" --ui-port "$TUI" --http-port "$THTTP" \
  --metrics-port "$TMETRICS" --db-filename "$WORK/temporal.db" --log-level error >"$WORK/temporal.log" 2>&1 &
DRILL_TEMPORAL_PID=$!
wait_for_port "$TPORT" 60
log "restored in $((SECONDS - START)) s; checking the restored system"

# a pre-built workflow bundle if there is one (the test command's), else the worker bundles workflows/ itself
[ -n "${WORKFLOW_BUNDLE_PATH:-}" ] || [ ! -f var/test-workflow-bundle.js ] || export WORKFLOW_BUNDLE_PATH="$ROOT/var/test-workflow-bundle.js"
# the original's chains, when known, tell a chain broken before the backup from one the restore broke
DRILL_SOURCE_DATABASE_URL="${DRILL_SOURCE_DATABASE_URL:-}" \
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DRILL_DB" TEMPORAL_ADDRESS="127.0.0.1:$TPORT" \
  QUEUE_PREFIX="educredit-drill-$$" NODE_ENV="${NODE_ENV:-test}" LOG_LEVEL="${LOG_LEVEL:-silent}" \
  node dist/scripts/restore-drill.js
log "restore drill passed in $((SECONDS - START)) s (recovery time of this data set)"
