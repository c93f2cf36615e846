# shellcheck shell=bash
# Shared helpers for the run / test / regression / lint commands.
# Sourced, never executed. Finds an existing Odoo 18 source tree; never fetches or builds one.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="${REPO_ROOT}/.local"
VENV_DIR="${SPS_VENV:-${REPO_ROOT}/.venv}"
# OCA addons installed from PyPI (requirements-oca.txt) with --no-deps; their modules are in odoo/addons.
OCA_DIR="${VENV_DIR}/oca-addons"
# Documented default locations of an Odoo 18.0 source tree, tried in this order
# after $ODOO_HOME and an importable `odoo`.
ODOO_DEFAULT_LOCATIONS=(/opt/odoo-18.0 /opt/odoo18 /opt/odoo /usr/local/src/odoo "${HOME:-/root}/odoo")
PG_OS_USER="${SPS_PG_OS_USER:-postgres}"

say() { printf '[sps] %s\n' "$*" >&2; }
die() { printf '[sps] ERROR: %s\n' "$*" >&2; exit 2; }

is_odoo18_tree() {
    # $1: a folder; true when it holds odoo-bin and an Odoo 18 odoo/release.py
    [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] &&
        grep -Eq "^version_info = \(18, 0" "$1/odoo/release.py"
}

find_odoo() {
    # Sets ODOO_HOME (a source tree) or dies saying what is missing.
    if [ -n "${ODOO_HOME:-}" ]; then
        is_odoo18_tree "$ODOO_HOME" && { export ODOO_HOME; return; }
        die "ODOO_HOME=$ODOO_HOME is not an Odoo 18.0 source tree (no odoo-bin, or odoo/release.py is not 18.0)."
    fi
    local py found
    for py in "${VENV_DIR}/bin/python" python3; do
        command -v "$py" >/dev/null 2>&1 || continue
        found=$("$py" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))' 2>/dev/null || true)
        if [ -n "$found" ] && is_odoo18_tree "$found"; then
            export ODOO_HOME="$found"; return
        fi
    done
    local dir
    for dir in "${ODOO_DEFAULT_LOCATIONS[@]}"; do
        is_odoo18_tree "$dir" && { export ODOO_HOME="$dir"; return; }
    done
    die "No Odoo 18.0 source tree found.
  Looked at: \$ODOO_HOME (unset), an importable 'odoo' module, and ${ODOO_DEFAULT_LOCATIONS[*]}.
  Put an unmodified Odoo 18.0 Community source tree (the folder holding odoo-bin) at /opt/odoo-18.0,
  or run again with ODOO_HOME=/path/to/odoo-18.0."
}

need_root_or_die() {
    # $1: what is missing; $2: the Debian packages that provide it
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "Installing Debian packages for $1: $2"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $2 >/dev/null 2>&1; then
            apt-get update -qq >/dev/null 2>&1 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $2 >/dev/null ||
                die "could not install $2 with apt-get."
        fi
    else
        die "$1 is missing. Install the Debian packages: $2"
    fi
}

ensure_system_packages() {
    # Debian packages Odoo's requirements build against, PostgreSQL and the browser for tours.
    local missing=()
    local pkg
    for pkg in libpq-dev libldap2-dev libsasl2-dev postgresql; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ "${1:-}" = with-browser ] && ! command -v chromium >/dev/null 2>&1; then
        missing+=(chromium)
    fi
    [ ${#missing[@]} -eq 0 ] || need_root_or_die "build/runtime dependencies" "${missing[*]}"
}

pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] || dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
    [ -x "$dir/initdb" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install the Debian package 'postgresql'."
    echo "$dir"
}

ensure_venv() {
    # Project-local virtual environment with Odoo's and the suite's Python requirements.
    local py="${SPS_PYTHON:-python3}"
    if [ ! -x "${VENV_DIR}/bin/python" ]; then
        say "Creating virtual environment ${VENV_DIR}"
        "$py" -m venv "$VENV_DIR"
    fi
    local reqs="${VENV_DIR}/odoo-requirements.txt"
    # Odoo's pin cbor2==5.4.2 does not build on Python 3.11; 5.6.2 (its pin for 3.12) does.
    sed -E 's/^cbor2==5\.4\.2/cbor2==5.6.2/' "${ODOO_HOME}/requirements.txt" >"$reqs"
    local stamp="${VENV_DIR}/.sps-requirements.sha"
    local want
    want=$(cat "$reqs" "${REPO_ROOT}/requirements.txt" "${REPO_ROOT}/requirements-oca.txt" | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "Installing Python requirements into ${VENV_DIR} (first run takes a few minutes)"
        "${VENV_DIR}/bin/python" -m pip install -q --upgrade pip wheel 'setuptools<81' >/dev/null
        mkdir -p "$LOCAL_DIR"
        "${VENV_DIR}/bin/python" -m pip install -r "$reqs" -r "${REPO_ROOT}/requirements.txt" >"${LOCAL_DIR}/pip.log" 2>&1 ||
            { tail -n 30 "${LOCAL_DIR}/pip.log" >&2; die "pip could not install the requirements (log: ${LOCAL_DIR}/pip.log)."; }
        # OCA addons from PyPI name an `odoo` distribution that is not on PyPI: install them without
        # dependencies into their own folder (its odoo/addons is on the addons path), replaced whole.
        rm -rf "${OCA_DIR}.new"
        "${VENV_DIR}/bin/python" -m pip install --no-deps --target "${OCA_DIR}.new" -r "${REPO_ROOT}/requirements-oca.txt" \
            >>"${LOCAL_DIR}/pip.log" 2>&1 ||
            { tail -n 30 "${LOCAL_DIR}/pip.log" >&2; die "pip could not install the OCA addons (log: ${LOCAL_DIR}/pip.log)."; }
        rm -rf "${OCA_DIR}" && mv "${OCA_DIR}.new" "${OCA_DIR}"
        echo "$want" >"$stamp"
    fi
    PYTHON="${VENV_DIR}/bin/python"
    export PYTHON
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_pg_user() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PG_OS_USER" -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    # $1: data folder; $2: port. Creates the cluster if needed (superuser role "odoo", trust auth on
    # 127.0.0.1 only) and starts it. PostgreSQL refuses to run as root: as root, the cluster runs as
    # the "postgres" OS user.
    local data="$1" port="$2" bindir
    bindir=$(pg_bindir)
    if [ "$(id -u)" = 0 ]; then
        id "$PG_OS_USER" >/dev/null 2>&1 || die "OS user '$PG_OS_USER' (to run PostgreSQL as non-root) does not exist."
    fi
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown "$PG_OS_USER" "$data"
    chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
        as_pg_user "$bindir/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_pg_user "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 ${SPS_PG_OPTIONS:-}" start >/dev/null ||
        { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start (log: $data/server.log)."; }
}

pg_stop() {
    local data="$1" bindir
    bindir=$(pg_bindir)
    [ -f "$data/postmaster.pid" ] && as_pg_user "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

suite_modules() {
    # Every installable module of the suite: top-level policy modules and addons/; with "with-tests",
    # also the test-only addons under tests/ (the test commands install those, the run command does not).
    local manifest extra=()
    [ "${1:-}" = with-tests ] && extra=("${REPO_ROOT}"/tests/*/__manifest__.py)
    for manifest in "${REPO_ROOT}"/*/__manifest__.py "${REPO_ROOT}"/addons/*/__manifest__.py "${extra[@]}"; do
        [ -f "$manifest" ] || continue
        grep -Eq "['\"]installable['\"]: *False" "$manifest" && continue
        basename "$(dirname "$manifest")"
    done | sort | paste -sd, -
}

module_dir() {
    # $1: a module name; prints its folder inside the suite (top level, addons/ or tests/).
    local dir
    for dir in "${REPO_ROOT}/$1" "${REPO_ROOT}/addons/$1" "${REPO_ROOT}/tests/$1"; do
        [ -f "$dir/__manifest__.py" ] && { echo "$dir"; return; }
    done
    die "module $1 is not part of the suite (looked in ., addons/ and tests/)."
}

addons_path() {
    # Nested folders first: Odoo's term exporter files a source path under the first addons-path entry
    # that contains it, so listing ${REPO_ROOT} before ${REPO_ROOT}/addons would lose the Python terms of
    # the modules under addons/. The OCA addons installed by ensure_venv come last.
    echo "${ODOO_HOME}/odoo/addons,${ODOO_HOME}/addons,${REPO_ROOT}/addons,${REPO_ROOT}/tests,${REPO_ROOT},${OCA_DIR}/odoo/addons"
}

write_config() {
    # $1: output file; $2: db port; $3: http port; $4: data dir. Fills config/odoo.conf.
    sed -e "s#@ADDONS_PATH@#$(addons_path)#" -e "s#@DB_PORT@#$2#" -e "s#@HTTP_PORT@#$3#" \
        -e "s#@DATA_DIR@#$4#" "${REPO_ROOT}/config/odoo.conf" >"$1"
}

odoo_bin() {
    "$PYTHON" "${ODOO_HOME}/odoo-bin" "$@"
}
