#!/usr/bin/env bash
# The fault suite (test/faults/fault-suite.ts): the real API, worker and platform simulator against a PostgreSQL,
# Redis and Temporal dev server of its own, faults injected while cases are in flight, invariants checked after.
# Needs dist/ and var/test-workflow-bundle.js (scripts/test.sh builds both). Exits 1 on a violation. Two runs:
# 1+1 (one API, one worker; ~3–4 minutes) with the infrastructure faults, then 2+2 (two API processes behind one
# port, two workers; ~2–3 minutes) losing one of each (issue #20 part 2). FAULT_TOPOLOGIES="1+1" runs only the first.
source "$(dirname "$0")/lib.sh"
install_node
install_temporal
cd "$ROOT"
[ -f dist/src/main.js ] || { log "dist/ is missing: run npx tsc -p tsconfig.build.json first"; exit 2; }
for topology in ${FAULT_TOPOLOGIES:-1+1 2+2}; do
  if [ "$topology" = 1+1 ]; then
    log "fault suite at 1+1: kill -9 of the worker, Temporal, PostgreSQL and Redis restarts, a platform outage"
    FAULT_TOPOLOGY=1+1 TS_NODE_TRANSPILE_ONLY=1 TS_NODE_SWC=1 node -r ts-node/register test/faults/fault-suite.ts
  else
    log "fault suite at $topology: kill -9 of one API process and one worker mid-run"
    FAULT_TOPOLOGY=$topology FAULT_CASES=${FAULT_MULTI_CASES:-20} FAULT_DRIVE_S=${FAULT_MULTI_DRIVE_S:-60} \
      TS_NODE_TRANSPILE_ONLY=1 TS_NODE_SWC=1 node -r ts-node/register test/faults/fault-suite.ts
  fi
done
