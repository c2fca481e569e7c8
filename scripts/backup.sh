#!/usr/bin/env bash
# A consistent backup of the development/test stack: the Temporal dev server's SQLite file, then PostgreSQL.
#   bash scripts/backup.sh [OUT_DIR]        (default var/backups/<UTC timestamp>)
# Reads DATABASE_URL (default the `educredit` database) and TEMPORAL_DB_FILE (default var/temporal.db).
#
# Order matters. Temporal is copied FIRST and PostgreSQL second, so the database is never older than the workflows:
# an activity that ran between the two copies is in PostgreSQL but not yet in the Temporal history, so after a
# restore Temporal runs it again and its idempotency key makes it a no-op. The other order would lose writes the
# workflows believe were made. Each copy is consistent on its own: sqlite's online backup API (python3's sqlite3
# module, no sqlite3 binary needed) copies a consistent page set while the server runs; pg_dump reads one snapshot.
# Production (Temporal on PostgreSQL, docker-compose.yml) is described in docs/operations.md "Backup and restore".
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/educredit}
TEMPORAL_DB_FILE=${TEMPORAL_DB_FILE:-var/temporal.db}
OUT=${1:-var/backups/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
chmod 700 "$OUT" # the dump holds personal data (encrypted ID numbers, names): owner only

[ -f "$TEMPORAL_DB_FILE" ] || { echo "no Temporal database at $TEMPORAL_DB_FILE (start the dev server with --db-filename)" >&2; exit 2; }
STARTED=$(date -u +%FT%TZ)
python3 - "$TEMPORAL_DB_FILE" "$OUT/temporal.db" <<'PY'
import sqlite3, sys
src = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
dst = sqlite3.connect(sys.argv[2])
with dst:
    src.backup(dst)  # online, consistent: restarts by itself if the server writes meanwhile
dst.close(); src.close()
PY
pg_dump --format=custom --no-owner --no-privileges --file "$OUT/educredit.dump" "$DATABASE_URL"
{
  echo "started_at=$STARTED"
  echo "finished_at=$(date -u +%FT%TZ)"
  echo "database=${DATABASE_URL##*/}"
  echo "temporal_db=$TEMPORAL_DB_FILE"
  (cd "$OUT" && sha256sum temporal.db educredit.dump)
} >"$OUT/MANIFEST"
echo "backup written to $OUT ($(du -sh "$OUT" | cut -f1))"
