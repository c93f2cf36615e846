#!/usr/bin/env bash
# The README's regression command: installs the whole suite, then runs Odoo's own test suites of the
# apps the suite extends (default crm, sale, sale_management) with the suite installed, and prints
# "N passed, N failed". Odoo's at_install tests run while each app is installed, before the suite's
# modules (as on Odoo's own CI: re-running them later with `-u` would load an app's registry over a
# database holding columns of modules above it, e.g. sale_stock's NOT NULL res_company.security_lead);
# post_install tests run afterwards with the whole suite loaded.
# Odoo's own tests expect demo data, so the database is created with demo data.
#   scripts/regression.sh [--baseline] [crm,sale,sale_management[,account]]
#   SPS_MODULES=a,b: install only those suite modules (default: all).
#   SPS_TEST_TAGS=spec: run only these Odoo test tags (default: every test of the apps), e.g.
#     SPS_TEST_TAGS=/account:TestMergePartner scripts/regression.sh --policy-off account
#   --baseline: the same run without the suite, to tell the suite's effects from Odoo's own failures.
#   --policy-off: before Odoo's tests, archive every approval rule, lift the discount limits and
#     unfreeze confirmed orders' commitment dates (also for the companies the tests create), so
#     what remains are the suite's side effects (with the policy on, Odoo's tests that confirm or
#     send unapproved orders are refused, as the policy wants).
source "$(dirname "$0")/lib.sh"

baseline=0 policy_off=0
while [ "${1:-}" = --baseline ] || [ "${1:-}" = --policy-off ]; do
    [ "$1" = --baseline ] && baseline=1
    [ "$1" = --policy-off ] && policy_off=1
    shift
done

find_odoo
ensure_system_packages with-browser
ensure_venv

apps="${1:-crm,sale,sale_management}"
tags=${SPS_TEST_TAGS:-$(echo "$apps" | sed -E 's#(^|,)#\1/#g')}
# the same selection split by phase: "/crm" -> "at_install/crm" and "post_install/crm"
at_install_tags=$(echo "$tags" | sed -E 's#(^|,)([^,]*)#\1at_install\2#g')
post_install_tags=$(echo "$tags" | sed -E 's#(^|,)([^,]*)#\1post_install\2#g')
modules="${SPS_MODULES:-$(suite_modules)}"
[ "$baseline" = 1 ] && modules="base"
work=$(mktemp -d /tmp/sps-regression.XXXXXX)
chmod 755 "$work"
db_port=$(free_port)
SPS_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
cleanup() { pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg" "$db_port"
write_config "$work/odoo.conf" "$db_port" "$(free_port)" "$work/data"

log="${LOCAL_DIR}/logs/regression-$(date +%Y%m%d-%H%M%S)-$$.log"
mkdir -p "$(dirname "$log")"
start=$(date +%s)
say "Installing $modules and $apps with demo data, running Odoo's at_install tests (log: $log)"
set +e
odoo_bin -c "$work/odoo.conf" -d sps_regression -i "$modules,$apps" --test-enable \
    --test-tags "$at_install_tags" --stop-after-init --log-level=info >"$log" 2>&1
rc_install=$?
set -e
grep -q "Modules loaded" "$log" || { tail -n 40 "$log" >&2; die "install failed"; }
if [ "$policy_off" = 1 ] && [ "$baseline" = 0 ]; then
    say "Policy off: archiving approval rules, lifting discount limits, unfreezing commitments"
    odoo_bin shell -c "$work/odoo.conf" -d sps_regression --log-level=warn >>"$log" 2>&1 <<'PY' ||
env["sales.policy.approval.rule"].with_context(active_test=False).search([]).active = False
limits = {f"sales_policy_discount_limit_{role}": 100.0 for role in ("user", "manager", "senior")}
if "execution_freeze_commitment" in env["res.company"]._fields:  # sales_order_execution
    limits["execution_freeze_commitment"] = False
env["res.company"].search([]).write(limits)
for field, value in limits.items():  # and the companies Odoo's tests create
    env["ir.default"].set("res.company", field, value)
env.cr.commit()
PY
        die "could not switch the policy off"
fi
say "Running Odoo's own post_install tests of $apps with the suite installed"
set +e
odoo_bin -c "$work/odoo.conf" -d sps_regression --test-enable --test-tags "$post_install_tags" \
    --stop-after-init --log-level=info >>"$log" 2>&1
rc=$?
[ "$rc_install" -ne 0 ] && rc=$rc_install
set -e
elapsed=$(( $(date +%s) - start ))
# one "N failed, N error(s) of N tests" line per phase: add them up
read -r failed errors total < <(grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$log" |
    sed -E 's/([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' |
    awk '{f+=$1; e+=$2; t+=$3} END {print f+0, e+0, t+0}')
grep -E ' (ERROR|CRITICAL) .*(FAIL|ERROR):' "$log" | cut -c1-220 | tail -n 40 >&2 || true
say "Odoo exit code $rc, ${elapsed}s"
echo "$((total - failed - errors)) passed, $((failed + errors)) failed"
[ "$rc" -eq 0 ] && [ $((failed + errors)) -eq 0 ] && [ "$total" -gt 0 ]
