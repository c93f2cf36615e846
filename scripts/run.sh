#!/usr/bin/env bash
# The README's run command: project-local venv and PostgreSQL cluster (.local/pg), a database with the
# whole suite and demo data, and Odoo served on 127.0.0.1.
#   scripts/run.sh            (env: SPS_DB=sales_policy, SPS_HTTP_PORT=8069, SPS_DB_PORT=55432)
source "$(dirname "$0")/lib.sh"

find_odoo
ensure_system_packages
ensure_venv

db="${SPS_DB:-sales_policy}"
db_port="${SPS_DB_PORT:-55432}"
http_port="${SPS_HTTP_PORT:-8069}"
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
    odoo_bin -c "$conf" -d "$db" -i "$modules" --stop-after-init --log-level=warn
else
    # -i installs the suite's modules added since (-u alone skips them), -u updates the others
    say "Updating the suite in database '$db' (and installing its new modules)"
    odoo_bin -c "$conf" -d "$db" -i "$modules" -u "$modules" --stop-after-init --log-level=warn
fi

say "Odoo serves http://127.0.0.1:${http_port}/odoo  (database '$db', login: admin, password: admin)"
say "Stop with Ctrl+C."
odoo_bin -c "$conf" -d "$db" --db-filter="^${db}\$"
