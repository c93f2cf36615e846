#!/usr/bin/env bash
# The README's test command: a throwaway PostgreSQL cluster and database, every suite module installed
# with tests enabled, all their tests run. Prints "N passed, N failed" and exits non-zero on any failure,
# error, skipped test, or a log line at ERROR/CRITICAL level.
#   scripts/test.sh [module,module...]   (default: the whole suite)
source "$(dirname "$0")/lib.sh"

find_odoo
ensure_system_packages with-browser
ensure_venv

modules="${1:-$(suite_modules with-tests)}"
[ -n "$modules" ] || die "no suite module found under ${REPO_ROOT}."
tags=$(echo "$modules" | sed -E 's#(^|,)#\1/#g')

work=$(mktemp -d /tmp/sps-test.XXXXXX)
chmod 755 "$work"
db_port=$(free_port)
http_port=$(free_port)
SPS_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
cleanup() { pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

say "Odoo: ${ODOO_HOME}"
say "Throwaway PostgreSQL cluster in $work/pg on 127.0.0.1:${db_port}"
pg_start "$work/pg" "$db_port"
write_config "$work/odoo.conf" "$db_port" "$http_port" "$work/data"

log="${SPS_TEST_LOG:-${LOCAL_DIR}/logs/test-$(date +%Y%m%d-%H%M%S)-$$.log}"
mkdir -p "$(dirname "$log")"
say "Installing and testing: $modules (log: $log)"
start=$(date +%s)
set +e
odoo_bin -c "$work/odoo.conf" -d sps_test -i "$modules" --without-demo=all --test-enable \
    --test-tags "$tags" --stop-after-init --log-level=info >"$log" 2>&1
rc=$?
set -e
elapsed=$(( $(date +%s) - start ))

summary=$(grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$log" | tail -n 1 || true)
failed=0 errors=0 total=0
if [ -n "$summary" ]; then
    read -r failed errors total < <(echo "$summary" | sed -E 's/([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/')
fi
skipped=$(grep -Ec ' INFO [^ ]+ [^ ]+: skipped ' "$log" || true)
error_lines=$(grep -Ec '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" || true)

grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL|WARNING) ' "$log" | grep -v 'odoo.modules.loading: Transient module states' | tail -n 40 >&2 || true
say "Odoo exit code $rc, ${elapsed}s; ${skipped} skipped; ${error_lines} ERROR/CRITICAL log lines"
bad=$((failed + errors))
# a test with failing subtests is counted once per subtest by Odoo: count failing tests instead
failing_tests=$( (grep -Eo ' (FAIL|ERROR): (Subtest )?[A-Za-z0-9_.]+' "$log" || true) | sed -E 's/.*: (Subtest )?//' | sort -u | wc -l)
[ "$bad" -gt 0 ] && [ "$failing_tests" -gt 0 ] && bad=$failing_tests
echo "$((total - bad)) passed, ${bad} failed, ${skipped} skipped"
if [ "$rc" -ne 0 ] || [ "$bad" -ne 0 ] || [ "$skipped" -ne 0 ] || [ "$error_lines" -ne 0 ] || [ "$total" -eq 0 ]; then
    [ "$total" -eq 0 ] && say "no test ran"
    exit 1
fi
