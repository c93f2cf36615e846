#!/usr/bin/env bash
# The README's run command: project-local venv and PostgreSQL cluster (.local/pg), a database with the
# whole suite and demo data, and Odoo served on 127.0.0.1.
#   scripts/run.sh            (env: SPS_DB=sales_policy, SPS_HTTP_PORT=8069, SPS_DB_PORT=55432,
#                              SPS_LANG=zh_CN or zh_TW: the interface in Chinese for every user,
#                              SPS_WORKERS=N: Odoo's prefork server with N workers, default 0: threaded)
source "$(dirname "$0")/lib.sh"

find_odoo
ensure_system_packages
ensure_venv

db="${SPS_DB:-sales_policy}"
db_port="${SPS_DB_PORT:-55432}"
http_port="${SPS_HTTP_PORT:-8069}"
lang="${SPS_LANG:-}"
workers="${SPS_WORKERS:-0}"
case "$workers" in
    '' | *[!0-9]*) die "SPS_WORKERS must be a number of workers, 0 for the threaded server (got '$workers')." ;;
esac
case "$lang" in
    "" | en_US | zh_CN | zh_TW) ;;
    *) die "SPS_LANG must be zh_CN, zh_TW or en_US (got '$lang')." ;;
esac
load_language=()
[ -n "$lang" ] && [ "$lang" != en_US ] && load_language=(--load-language="$lang")
conf="${LOCAL_DIR}/odoo.conf"
mkdir -p "$LOCAL_DIR"
chmod 755 "$LOCAL_DIR"

pg_start "${LOCAL_DIR}/pg" "$db_port"
trap 'pg_stop "${LOCAL_DIR}/pg"' EXIT
write_config "$conf" "$db_port" "$http_port" "${LOCAL_DIR}/data"

modules=$(suite_modules)
if ! "$PYTHON" - "$db_port" "$db" <<'PY'
import sys, psycopg2
conn = psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="odoo", dbname="postgres")
cur = conn.cursor()
cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[2],))
sys.exit(0 if cur.fetchone() else 1)
PY
then
    say "Creating database '$db' with the suite and demo data (a few minutes the first time)"
    odoo_bin -c "$conf" -d "$db" -i "$modules" "${load_language[@]}" \
        --stop-after-init --log-level=warn
else
    # -i installs the suite's modules added since (-u alone skips them), -u updates the others
    say "Updating the suite in database '$db' (and installing its new modules)"
    odoo_bin -c "$conf" -d "$db" -i "$modules" -u "$modules" "${load_language[@]}" \
        --stop-after-init --log-level=warn
fi
if [ -n "$lang" ]; then
    say "Interface language of every internal user: $lang"
    odoo_bin shell -c "$conf" -d "$db" --no-http --log-level=warn >/dev/null <<PY
users = env["res.users"].with_context(active_test=False).search([("share", "=", False)])
users.write({"lang": "$lang"})
env.cr.commit()
PY
fi

say "Odoo serves http://127.0.0.1:${http_port}/odoo  (database '$db', login: admin, password: admin)"
say "Stop with Ctrl+C."
# queue_job's runner lives in the server (--load); the suite's batch jobs have their own channel
export ODOO_QUEUE_JOB_CHANNELS="${ODOO_QUEUE_JOB_CHANNELS:-root:2,root.sales_policy:1}"
odoo_bin -c "$conf" -d "$db" --db-filter="^${db}\$" --workers="$workers" --load=base,web,queue_job
