#!/usr/bin/env bash
# Lint the whole suite: ruff (check + format), pylint-odoo (OCA mandatory checks). Exits non-zero on findings.
source "$(dirname "$0")/lib.sh"
find_odoo
ensure_venv
cd "$REPO_ROOT"
status=0
"${VENV_DIR}/bin/ruff" check . || status=1
"${VENV_DIR}/bin/ruff" format --check . || status=1
mapfile -t modules < <(for m in */__manifest__.py addons/*/__manifest__.py tests/*/__manifest__.py; do
    [ -f "$m" ] && dirname "$m"; done)
# pylint-odoo imports the odoo package for some checks: make the source tree importable.
PYTHONPATH="${ODOO_HOME}" "${VENV_DIR}/bin/pylint" --rcfile=.pylintrc "${modules[@]}" || status=1
[ "$status" -eq 0 ] && say "lint: clean"
exit "$status"
