#!/bin/bash
# The issue-3 benchmark run recorded in bench/RESULTS.md: checkout (SQLite, PostgreSQL), pgbench on the same cluster,
# flashsale on one node (SQLite) and on three nodes sharing PostgreSQL and Redis. Run from the repository root after
#   dotnet build -c Release src/O2o.Server/O2o.Server.csproj && dotnet build -c Release bench/O2o.Bench/O2o.Bench.csproj
# Needs PostgreSQL 15+ server binaries (PG_BIN) and redis-server. Writes JSON to bench/results/$OUT/.
set -euo pipefail
OUT=${OUT:-$(date -u +%Y-%m-%d)-run}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PG_PORT=5544; REDIS_PORT=6390
ROOT=$(pwd); RES=$ROOT/bench/results/$OUT; WORK=$(mktemp -d /tmp/o2o-bench-XXXX)
mkdir -p "$RES"; chmod 777 "$WORK"
BENCH="dotnet $ROOT/artifacts/bin/O2o.Bench/release/o2o-bench.dll"
SERVER_DLL=$ROOT/artifacts/bin/O2o.Server/release/O2o.Server.dll
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 1
  [ -d "$WORK/pg" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" stop -m fast >/dev/null 2>&1 || true; }
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log() { echo "== $*" >&2; }

start_server() { # port, extra args...
  local port=$1; shift
  (cd "$ROOT/src/O2o.Server" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$SERVER_DLL" --urls "http://localhost:$port" \
     --Logging:LogLevel:Default=Warning --Demo:Seed=false --Payments:Sandbox:Enabled=true --Accounts:PasswordHashIterations=1000 "$@" \
     > "$WORK/server-$port.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf "http://localhost:$port/health" >/dev/null && return 0; sleep 0.5; done
  echo "server on $port did not start" >&2; cat "$WORK/server-$port.log" >&2; exit 1
}
stop_servers() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; PIDS=(); }

checkout_series() { # label
  local label=$1
  log "$label: warming the server up (60 s at 8 workers)"
  $BENCH checkout --concurrency 8 --duration 60 --warmup 0 >/dev/null 2>&1
  for c in 1 8 32; do
    log "$label: checkout at $c"
    $BENCH checkout --concurrency $c --duration 15 --warmup 5 --json "$RES/checkout-$label-$c.json" --label "$label" 2>/dev/null | head -1
  done
}

# --- SQLite, one node
mkdir -p "$WORK/sqlite"
start_server 5080 "--ConnectionStrings:O2O=Data Source=$WORK/sqlite/o2o.db"
checkout_series sqlite
flashsale_warmup() { # urls
  log "warming the flash-sale path up (two throwaway sales)"
  for _ in 1 2; do $BENCH flashsale --urls "$1" --buyers 300 --quantity 100 --limit 2 --concurrency 64 --attempts-per-buyer 20 >/dev/null 2>&1; done
}
flashsale_warmup http://localhost:5080
log "sqlite: flashsale stampede (2,000 buyers, 500 units)"
$BENCH flashsale --buyers 2000 --quantity 500 --limit 2 --concurrency 64 --attempts-per-buyer 3 --json "$RES/flashsale-sqlite.json" 2>/dev/null | head -1
log "sqlite: flashsale sold-out path (500 buyers, 10 units, 200 attempts each)"
$BENCH flashsale --buyers 500 --quantity 10 --limit 2 --concurrency 64 --attempts-per-buyer 200 --json "$RES/flashsale-soldout-sqlite.json" 2>/dev/null | head -1
stop_servers

# --- PostgreSQL, a throwaway cluster
mkdir -p "$WORK/pg"; chown postgres "$WORK/pg" 2>/dev/null || true
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK/pg -c max_connections=300 -c shared_buffers=256MB -c synchronous_commit=on" -l "$WORK/pg/log" start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p $PG_PORT -U postgres o2o
PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=o2o;Maximum Pool Size=100"
export Database__Provider=postgres ConnectionStrings__O2O="$PG"
start_server 5080
checkout_series postgres
stop_servers
log "pgbench (TPC-B-like) on the same cluster"
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p $PG_PORT -U postgres pgbench
as_pg "$PG_BIN/pgbench" -h 127.0.0.1 -p $PG_PORT -U postgres -i -s 10 -q pgbench >/dev/null 2>&1
as_pg "$PG_BIN/pgbench" -h 127.0.0.1 -p $PG_PORT -U postgres -c 32 -j 2 -T 15 pgbench 2>/dev/null | grep -E "tps|latency average" | tee "$RES/pgbench.txt"

# --- three nodes on PostgreSQL and Redis
redis-server --port $REDIS_PORT --save "" --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
PIDS+=($!); sleep 1
export ConnectionStrings__Redis="localhost:$REDIS_PORT"
for port in 5080 5081 5082; do start_server $port; done
log "3 nodes: warming the servers up (60 s of checkout on each, then the flash-sale path)"
for port in 5080 5081 5082; do $BENCH checkout --url http://localhost:$port --concurrency 8 --duration 60 --warmup 0 >/dev/null 2>&1; done
flashsale_warmup http://localhost:5080,http://localhost:5081,http://localhost:5082
log "3 nodes: flashsale stampede (2,000 buyers, 500 units)"
$BENCH flashsale --urls http://localhost:5080,http://localhost:5081,http://localhost:5082 --buyers 2000 --quantity 500 --limit 2 \
  --concurrency 64 --attempts-per-buyer 3 --json "$RES/flashsale-3nodes.json" 2>/dev/null | head -1
log "3 nodes: flashsale sold-out path"
$BENCH flashsale --urls http://localhost:5080,http://localhost:5081,http://localhost:5082 --buyers 500 --quantity 10 --limit 2 \
  --concurrency 64 --attempts-per-buyer 200 --json "$RES/flashsale-soldout-3nodes.json" 2>/dev/null | head -1
log "done: $RES"
