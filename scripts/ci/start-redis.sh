#!/usr/bin/env bash
# Starts a throwaway Redis server for Rasid's CI and development and prints its URL
# (redis://...) on stdout; everything else goes to stderr.
#
#   export RASID_TEST_REDIS_URL="$(scripts/ci/start-redis.sh)"
#
# - Installs Debian's `redis-server` with apt-get when it is missing (needs root; waits for the
#   dpkg lock when another apt-get is running).
# - Listens on 127.0.0.1 only, on a free port ($RASID_REDIS_PORT to force one), no persistence,
#   data and log in $RASID_REDIS_DIR (default: a new temp directory).
# - Running it again with the same $RASID_REDIS_DIR reuses the running server.
# Stop it with: kill "$(cat "$RASID_REDIS_DIR/redis.pid")"   (the command is printed to stderr).
set -euo pipefail

log() { echo "start-redis: $*" >&2; }
die() { log "error: $*"; exit 1; }

if ! command -v redis-server >/dev/null; then
  [ "$(id -u)" -eq 0 ] || die "redis-server is not installed and we are not root to apt-get install it"
  command -v apt-get >/dev/null || die "redis-server is not installed and apt-get is not available"
  log "installing redis-server with apt-get (waiting for the dpkg lock if needed)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update >&2
  apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends redis-server >&2
  command -v redis-server >/dev/null || die "redis-server installed but not on PATH"
fi

DIR="${RASID_REDIS_DIR:-}"
[ -n "$DIR" ] || DIR="$(mktemp -d "${TMPDIR:-/tmp}/rasid-redis.XXXXXX")"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ping_ok() {
  local reply
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == +PONG* ]]
}

if [ -f "$DIR/redis.pid" ] && [ -f "$DIR/port" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null && ping_ok "$(cat "$DIR/port")"; then
  PORT="$(cat "$DIR/port")"
  log "reusing the server running in $DIR on port $PORT"
else
  PORT="${RASID_REDIS_PORT:-}"
  if [ -z "$PORT" ]; then
    for candidate in $(seq 63790 63890); do
      if port_free "$candidate"; then PORT="$candidate"; break; fi
    done
    [ -n "$PORT" ] || die "no free port in 63790-63890"
  fi
  log "starting on 127.0.0.1:$PORT (log: $DIR/redis.log)"
  redis-server --bind 127.0.0.1 --port "$PORT" --protected-mode yes --daemonize yes \
    --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --save '' --appendonly no >&2 \
    || { tail -n 30 "$DIR/redis.log" >&2 || true; die "server did not start"; }
  echo "$PORT" > "$DIR/port"
  for _ in $(seq 1 50); do
    if ping_ok "$PORT"; then break; fi
    sleep 0.2
  done
fi
ping_ok "$PORT" || { tail -n 30 "$DIR/redis.log" >&2 || true; die "server on port $PORT does not answer PING"; }
log "ready; stop with: kill \$(cat $DIR/redis.pid)"
echo "redis://127.0.0.1:$PORT"
