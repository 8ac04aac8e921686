#!/usr/bin/env bash
# What the tests need besides Node: PostgreSQL, Redis and Chromium. Each is used when it is already there, started
# when it is installed but stopped, installed with the platform's package manager when that is allowed (root or
# passwordless sudo, and SWITCHBOARD_INSTALL is not `never`), or else named with the exact command to run.
# Services this script starts itself run on private ports and stop when the calling script exits.

# (Written for bash 3.2 too, macOS's own: no negative indices, no empty-array expansion under `set -u`.)
started_pids=""
stop_started_services() { for pid in $started_pids; do kill "$pid" 2>/dev/null || true; done; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; } # something listens on this local port

free_port() { node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }

can_install() {
  [ "${SWITCHBOARD_INSTALL:-}" != never ] || return 1
  if command -v apt-get >/dev/null; then [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null
  else [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null && [ "$(id -u)" != 0 ]
  fi
}

install_package() { # <debian package> <homebrew formula>
  if command -v apt-get >/dev/null; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
    say "installing $1 with apt-get"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
  else
    say "installing $2 with Homebrew"
    brew install $2
  fi
}

install_hint() { # <debian package> <homebrew formula>
  if [ "$(uname -s)" = Darwin ]; then echo "brew install $2"; else echo "sudo apt-get install -y $1"; fi
}

ensure_test_postgres() {
  if [ -n "${TEST_DATABASE_ADMIN_URL:-}" ] || answers 5432; then return 0; fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ "$(id -u)" = 0 ]; then
    say "starting the machine's PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do answers 5432 && return 0; sleep 1; done
  fi
  # The embedded PostgreSQL that `pnpm start` uses, in a data folder of its own, on a private port.
  say "no PostgreSQL on 127.0.0.1:5432: starting the embedded one for the tests"
  local out="$SWITCHBOARD_ROOT/.data/test-postgres.url"
  rm -f "$out"
  node "$SWITCHBOARD_ROOT/scripts/setup/test-postgres.ts" "$SWITCHBOARD_ROOT/.data/test-postgres" "$out" &
  local pid="$!"
  started_pids="$started_pids $pid"
  for _ in $(seq 1 120); do
    if [ -s "$out" ]; then export TEST_DATABASE_ADMIN_URL="$(cat "$out")"; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  die "the embedded PostgreSQL did not start (see above). Or install PostgreSQL: $(install_hint postgresql postgresql)"
}

ensure_test_redis() {
  if [ -n "${TEST_REDIS_URL:-}" ] || answers 6379; then return 0; fi
  if ! command -v redis-server >/dev/null; then
    can_install || die "Redis is needed for the tests and is not installed. Run: $(install_hint redis-server redis)"
    install_package redis-server redis
    command -v redis-server >/dev/null || die "redis-server is still not on PATH after installing it"
  fi
  local port
  port="$(free_port)"
  say "starting a private Redis on 127.0.0.1:$port for the tests"
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --loglevel warning >/dev/null &
  started_pids="$started_pids $!"
  for _ in $(seq 1 50); do answers "$port" && break; sleep 0.2; done
  answers "$port" || die "the private Redis did not start"
  export TEST_REDIS_URL="redis://127.0.0.1:$port"
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  local candidate
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome \
    "/Applications/Chromium.app/Contents/MacOS/Chromium" "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
    if [ -x "$candidate" ]; then export CHROMIUM_PATH="$candidate"; return 0; fi
  done
  can_install || die "Chromium is needed for the end-to-end tests. Run: $(install_hint chromium '--cask chromium'), or set CHROMIUM_PATH"
  install_package chromium '--cask chromium'
  [ -x /usr/bin/chromium ] && export CHROMIUM_PATH=/usr/bin/chromium && return 0
  [ -x "/Applications/Chromium.app/Contents/MacOS/Chromium" ] && export CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium" && return 0
  die "Chromium is still not there after installing it; set CHROMIUM_PATH"
}

ensure_test_services() {
  trap stop_started_services EXIT
  ensure_test_postgres
  ensure_test_redis
  ensure_chromium
}
