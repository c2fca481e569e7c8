#!/usr/bin/env bash
# Fuzzes the live API from its own OpenAPI document with schemathesis, run by scripts/test.sh after jest (or alone,
# inside the environment test.sh sets up: `bash scripts/test.sh --exec bash scripts/test-fuzz.sh`).
#   1. installs schemathesis (pinned, PyPI) into .tools/venv;
#   2. starts the built API and worker on a free port and loads the demo accounts;
#   3. for each role in FUZZ_ROLES, logs in and runs schemathesis against /api/docs-json with that token.
# Fails on any 5xx, any response that breaks its schema, an undocumented status code or content type.
# Bounded by default (FUZZ_EXAMPLES per operation and role, a few hundred requests in all); `--long` (npm run fuzz)
# runs many more. FUZZ_SEED=<n> repeats a run; the report (JUnit XML) goes to test-output/fuzz/.
source "$(dirname "$0")/lib.sh"
install_node
install_schemathesis
cd "$ROOT"

if [ "${1:-}" = --long ]; then
  examples=${FUZZ_EXAMPLES:-50} phases=${FUZZ_PHASES:-examples,coverage,fuzzing}
else
  examples=${FUZZ_EXAMPLES:-2} phases=${FUZZ_PHASES:-fuzzing}
fi
roles=${FUZZ_ROLES:-officer admin institution}

PORT=$(free_port)
npx ts-node -T scripts/seed-demo.ts >/dev/null
start_app "$PORT" test-fuzz
base="http://127.0.0.1:$PORT"

# the demo password of a role's account (scripts/demo-data.ts), logged in for a bearer token
token_for() {
  node -e '
    const { DEMO_USERS } = require(process.argv[2]);
    const u = DEMO_USERS.find((x) => x.role === process.argv[1]);
    fetch(process.argv[3] + "/api/auth/login", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: u.username, password: u.password }) })
      .then((r) => r.json()).then((b) => { if (!b.accessToken) throw new Error(JSON.stringify(b)); console.log(b.accessToken); })
      .catch((e) => { console.error(e.message); process.exit(1); });
  ' "$1" "$ROOT/dist/scripts/demo-data.js" "$base"
}

mkdir -p test-output/fuzz var
status=0
for role in $roles; do
  log "fuzzing the API as $role (schemathesis, $examples examples per operation, phases $phases)"
  token=$(token_for "$role")
  # run from var/ so schemathesis keeps its store of past failures (.schemathesis/, replayed first) out of the tree
  (cd var && "$SCHEMATHESIS_BIN" run "$base/api/docs-json" --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases "$phases" --max-examples "$examples" --workers 1 --request-timeout 30 \
    ${FUZZ_SEED:+--seed "$FUZZ_SEED"} --suppress-health-check all --no-color \
    --report junit --report-junit-path "$ROOT/test-output/fuzz/$role.xml") || status=1
done
exit $status
