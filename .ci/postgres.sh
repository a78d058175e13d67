# Starts and stops a throwaway PostgreSQL cluster on a loopback port (sourced by .ci/run; usable by hand:
#   source .ci/postgres.sh && postgres_start && export EVIDENTIA_TEST_POSTGRES ... && postgres_stop).
# Sets EVIDENTIA_TEST_POSTGRES to a connection string that may create databases.

postgres_start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_DIR="$(mktemp -d /tmp/evidentia-pg.XXXXXX)"
  PG_PORT="${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
  # initdb refuses to run as root: the cluster belongs to the postgres user then.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U evidentia -A trust --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # fsync off: a test cluster does not need durability, and it is several times faster.
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_BIN="$bin"
  PG_AS="${as[*]}"
  export EVIDENTIA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=evidentia;Database=postgres"
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  $PG_AS "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
