#!/usr/bin/env bash
# Fuzzes the live API from its own OpenAPI document with schemathesis, run by scripts/test.sh after jest (or alone,
# inside the environment test.sh sets up: `bash scripts/test.sh --exec bash scripts/test-fuzz.sh`).
#   1. installs schemathesis (pinned, PyPI) into .tools/venv;
#   2. starts the built API and worker on a free port against a database (<test db>_fuzz, made afresh), Temporal
#      namespace and queue prefix of its own (nothing left by jest, nothing left for later suites), loads the demo
#      data and opens one case;
#   3. for each role in FUZZ_ROLES, logs in and runs schemathesis against /api/docs-json with that token; half of the
#      generated USCCs, behaviour codes and case numbers are the demo's, so requests also reach real records.
# Fails on any 5xx, any response that breaks its schema, an undocumented status code or content type, and on any ID or
# mobile number in a public answer afterwards (4.: scripts/public-scan.ts).
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

fuzz_db="$(basename "${DATABASE_URL%%\?*}")_fuzz"
export DATABASE_URL="${DATABASE_URL%/*}/$fuzz_db"
ensure_database "$fuzz_db" fresh
# case numbers start again in the fresh database: a namespace of its own keeps them apart from jest's workflows
export TEMPORAL_NAMESPACE="fuzz-$$"
export QUEUE_PREFIX="${QUEUE_PREFIX:-educredit}-fuzz" # jobs jest left behind belong to the other database
"$TEMPORAL_BIN" operator namespace create --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null
npx ts-node -T scripts/migrate.ts >/dev/null
npx ts-node -T scripts/publish-draft-calendar.ts >/dev/null
npx ts-node -T scripts/seed-demo.ts >/dev/null
PORT=$(free_port)
start_app "$PORT" test-fuzz
base="http://127.0.0.1:$PORT"

# node helpers on the demo accounts (scripts/demo-data.ts): a role's bearer token; a case opened by officer1.
# A TOTP code is accepted once per account: a second sign-in within the same 30 s uses the next step's code.
api() {
  node -e '
    const { DEMO_USERS, DEMO_INSTITUTIONS } = require(process.argv[3] + "/dist/scripts/demo-data.js");
    const { totpCode } = require(process.argv[3] + "/dist/src/auth/totp.js");
    const [what, base, role] = [process.argv[1], process.argv[2], process.argv[4]];
    const post = (path, body, token) => fetch(base + path, { method: "POST", body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...(token ? { authorization: "Bearer " + token } : {}) } })
      .then(async (r) => { const b = await r.json(); if (!r.ok) throw new Error(path + " " + r.status + " " + JSON.stringify(b)); return b; });
    const signIn = (u, ahead) => post("/api/auth/login", { username: u.username, password: u.password,
      totp: u.totpSecret ? totpCode(u.totpSecret, Date.now() + ahead * 30000) : undefined });
    const login = (role) => { const u = DEMO_USERS.find((x) => x.role === role);
      return signIn(u, 0).catch(() => signIn(u, 1)).then((b) => b.accessToken); };
    (what === "token" ? login(role) : login("officer").then((t) => post("/api/cases", { uscc: DEMO_INSTITUTIONS[0].uscc,
      behaviourCode: "EDU-001", facts: "群众投诉该机构未取得办学许可证开展学科类培训", source: "complaint" }, t)).then((c) => c.caseNo))
      .then(console.log, (e) => { console.error(e.message); process.exit(1); });
  ' "$1" "$base" "$ROOT" "${2:-}"
}

case_no=$(api case)
mkdir -p test-output/fuzz var/fuzz
cat >var/fuzz/schemathesis.toml <<EOF
[dictionaries]
uscc = { values = ["52320700MJ58463813", "52320700MJ41792535"] }
behaviour = { values = ["EDU-001"] }
case = { values = ["$case_no"] }

[parameters]
"path.uscc" = { dictionary = "uscc", probability = 0.5 }
"query.uscc" = { dictionary = "uscc", probability = 0.5 }
"body.uscc" = { dictionary = "uscc", probability = 0.5 }
"body.behaviourCode" = { dictionary = "behaviour", probability = 0.5 }
"path.caseNo" = { dictionary = "case", probability = 0.5 }
EOF

status=0
for role in $roles; do
  log "fuzzing the API as $role (schemathesis, $examples examples per operation, phases $phases)"
  token=$(api token "$role")
  # run from var/fuzz so schemathesis keeps its store of past failures (.schemathesis/, replayed first) out of the tree
  (cd var/fuzz && "$SCHEMATHESIS_BIN" --config-file schemathesis.toml run "$base/api/docs-json" --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases "$phases" --max-examples "$examples" --workers 1 --request-timeout 30 \
    ${FUZZ_SEED:+--seed "$FUZZ_SEED"} --suppress-health-check all --no-color \
    --report junit --report-junit-path "$ROOT/test-output/fuzz/$role.xml") || status=1
done

# the public scan (issue #18): after the fuzzing, personal data entered through the API with the demo accounts, then
# every public GET route called with the demo institutions and published plans: no ID or mobile number may show
log "scanning every public answer for ID and mobile numbers (scripts/public-scan.ts)"
node dist/scripts/public-scan.js "$base" --seed || status=1
exit $status
