#!/usr/bin/env bash
# The scale run of docs/benchmarks.md: the whole pipeline over generated articles into SQLite and into
# PostgreSQL, at each size given (default 1000 10000 100000), printing one table row per run.
# PostgreSQL runs on a server of its own, started here from Debian's binaries on a loopback port in
# a temporary folder (as the postgres user when run as root) and stopped at the end.
#   bench/scale.sh [SIZE...]          JOBS=N to set the threads (default: one per core)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
sizes=(${sizes[*]})
jobs=${JOBS:-$(nproc)}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "scale.sh: PostgreSQL's server binaries are missing (Debian: apt-get install -y postgresql)" >&2; exit 2; }
folder=$(mktemp -d /tmp/dossier-scale-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
as_server=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$folder"
  as_server=(runuser -u postgres --)
fi
"${as_server[@]}" "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_server[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
trap '"${as_server[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast stop >/dev/null; rm -rf "$folder"' EXIT

dotnet build -c Release bench/Dossier.Bench >/dev/null
echo "| articles | store | threads | articles/s | words/s | peak memory | store size | show (most named) | show (typical) | events | search |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for size in "${sizes[@]}"; do
  for db in "" "Host=127.0.0.1;Port=$port;Username=postgres;Database=dossier_scale"; do
    args=(scale --articles "$size" --jobs "$jobs")
    [ -n "$db" ] && args+=(--db "$db")
    dotnet run -c Release --no-build --project bench/Dossier.Bench -- "${args[@]}" 2>"$folder/bench.log" | tee -a "$folder/run.log" | grep '^| ' || { cat "$folder/bench.log" >&2; exit 1; }
  done
done
