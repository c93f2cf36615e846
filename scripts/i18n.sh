#!/usr/bin/env bash
# Regenerates i18n/<module>.pot from a real install and merges it into i18n/zh_CN.po and i18n/zh_TW.po
# (existing translations kept, new terms added untranslated, obsolete terms dropped).
#   scripts/i18n.sh module[,module...]      then translate the empty msgstr entries it reports.
source "$(dirname "$0")/lib.sh"

[ -n "${1:-}" ] || die "usage: scripts/i18n.sh module[,module...]"
find_odoo
ensure_system_packages
ensure_venv

work=$(mktemp -d /tmp/sps-i18n.XXXXXX)
chmod 755 "$work"
db_port=$(free_port)
cleanup() { pg_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg" "$db_port"
write_config "$work/odoo.conf" "$db_port" "$(free_port)" "$work/data"

say "Installing $1 (no demo) to export its terms"
odoo_bin -c "$work/odoo.conf" -d sps_i18n -i "$1" --without-demo=all --stop-after-init --log-level=warn
for module in ${1//,/ }; do
    dir=$(module_dir "$module")
    mkdir -p "$dir/i18n"
    odoo_bin -c "$work/odoo.conf" -d sps_i18n --i18n-export="$dir/i18n/${module}.pot" \
        --modules="$module" --stop-after-init --log-level=warn
    "$PYTHON" "${REPO_ROOT}/scripts/po_merge.py" "$dir/i18n/${module}.pot" zh_CN zh_TW
done
