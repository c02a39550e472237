#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for Rasid's CI and development and prints its URL
# (postgresql://...) on stdout; everything else goes to stderr.
#
#   export RASID_TEST_DATABASE_URL="$(scripts/ci/start-postgres.sh)"
#
# - Installs Debian's `postgresql` with apt-get when no server binaries are found (needs root).
# - Uses Debian's /usr/lib/postgresql/<version>/bin (newest version), not whatever is on PATH.
# - Creates a cluster in $RASID_PG_DIR (default: a new temp directory), owned by the `postgres`
#   user when run as root, listening on 127.0.0.1 only, on a free port ($RASID_PG_PORT to force
#   one), with trust authentication (local, throwaway use only).
# - Creates the database $RASID_PG_DB (default rasid_test) and waits until it accepts connections.
# - Running it again with the same $RASID_PG_DIR reuses the running server.
# Stop it with: pg_ctl -D "$RASID_PG_DIR/data" stop   (the command is printed to stderr).
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] || continue
    if [ -z "$best" ] || [ "$(basename "$(dirname "$dir")")" -gt "$(basename "$(dirname "$best")")" ]; then
      best="$dir"
    fi
  done
  echo "$best"
}

BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ]; then
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and we are not root to apt-get install it"
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available"
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
  BINDIR="$(find_bindir)"
  [ -n "$BINDIR" ] || die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"
fi
log "using $BINDIR"

# Who runs the server: postgres refuses to run as root.
RUN_AS=()
OWNER="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  OWNER=postgres
  if command -v runuser >/dev/null; then RUN_AS=(runuser -u postgres --); else RUN_AS=(su postgres -s /bin/sh -c); fi
fi
as_owner() {
  if [ "${#RUN_AS[@]}" -eq 0 ]; then "$@"
  elif [ "${RUN_AS[0]}" = runuser ]; then "${RUN_AS[@]}" "$@"
  else "${RUN_AS[@]}" "$(printf '%q ' "$@")"
  fi
}

PGDIR="${RASID_PG_DIR:-}"
if [ -z "$PGDIR" ]; then
  PGDIR="$(mktemp -d "${TMPDIR:-/tmp}/rasid-pg.XXXXXX")"
fi
mkdir -p "$PGDIR"
PGDIR="$(cd "$PGDIR" && pwd)"
chown "$OWNER" "$PGDIR"
chmod 700 "$PGDIR"
as_owner test -w "$PGDIR" || die "$OWNER cannot write $PGDIR (a parent directory is not searchable?); set RASID_PG_DIR"
DATA="$PGDIR/data"
DB="${RASID_PG_DB:-rasid_test}"
[[ "$DB" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "invalid database name: $DB"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$DATA/postmaster.pid" ] && as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT="$(sed -n 4p "$DATA/postmaster.pid")"
  log "reusing the server running in $DATA on port $PORT"
else
  if [ ! -f "$DATA/PG_VERSION" ]; then
    LOCALE=C
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then LOCALE=C.UTF-8; fi
    log "initializing a cluster in $DATA (locale $LOCALE)"
    as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale="$LOCALE" >&2
  fi
  PORT="${RASID_PG_PORT:-}"
  if [ -z "$PORT" ]; then
    for candidate in $(seq 54330 54430); do
      if port_free "$candidate"; then PORT="$candidate"; break; fi
    done
    [ -n "$PORT" ] || die "no free port in 54330-54430"
  fi
  log "starting on 127.0.0.1:$PORT (log: $PGDIR/server.log)"
  as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c full_page_writes=off" start >&2 \
    || { tail -n 30 "$PGDIR/server.log" >&2 || true; die "server did not start"; }
fi

for _ in $(seq 1 60); do
  if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres; then break; fi
  sleep 0.5
done
"$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres || die "server on port $PORT is not ready"

EXISTS="$("$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "$EXISTS" != 1 ]; then
  "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi
log "ready; stop with: ${RUN_AS[*]:+${RUN_AS[*]} }$BINDIR/pg_ctl -D $DATA stop"
echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
