#!/usr/bin/env bash
# The fault suite (test/faults/fault-suite.ts): the real API, worker and platform simulator against a PostgreSQL,
# Redis and Temporal dev server of its own, faults injected while cases are in flight, invariants checked after.
# Needs dist/ and var/test-workflow-bundle.js (scripts/test.sh builds both). ~3–4 minutes. Exits 1 on a violation.
source "$(dirname "$0")/lib.sh"
install_node
install_temporal
cd "$ROOT"
[ -f dist/src/main.js ] || { log "dist/ is missing: run npx tsc -p tsconfig.build.json first"; exit 2; }
log "fault suite: kill -9 of the worker, Temporal, PostgreSQL and Redis restarts, a platform outage"
TS_NODE_TRANSPILE_ONLY=1 TS_NODE_SWC=1 node -r ts-node/register test/faults/fault-suite.ts
