#!/usr/bin/env bash
# Runs a benchmark script against a throwaway cluster and a fresh database with the given modules.
#   scripts/bench.sh module[,module...] tests/benchmarks/bench_x.py [args...]
# The module "suite" in the list stands for every module of the suite.
# The script runs with the project's Python, `odoo` importable, and these variables set:
#   SPS_ODOO_CONF (config file), SPS_DB (database), SPS_HTTP_PORT (free port for a server it may start),
#   ODOO_HOME. It opens the registry itself, e.g. tests/benchmarks/benchlib.py:open_env().
source "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: scripts/bench.sh module[,module...] script.py [args...]"
modules="$1"; shift
find_odoo
modules=$(echo ",${modules}," | sed -E "s/,suite,/,$(suite_modules),/; s/^,//; s/,\$//")
ensure_system_packages
ensure_venv

work=$(mktemp -d /tmp/sps-bench.XXXXXX)
chmod 755 "$work"
db_port=$(free_port)
http_port=$(free_port)
SPS_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c work_mem=64MB"
cleanup() { pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg" "$db_port"
write_config "$work/odoo.conf" "$db_port" "$http_port" "$work/data"
say "Installing $modules (no demo) for the benchmark"
odoo_bin -c "$work/odoo.conf" -d sps_bench -i "$modules" --without-demo=all --stop-after-init --log-level=warn
SPS_ODOO_CONF="$work/odoo.conf" SPS_DB=sps_bench SPS_HTTP_PORT="$http_port" \
    PYTHONPATH="${ODOO_HOME}${PYTHONPATH:+:$PYTHONPATH}" "$PYTHON" "$@"
