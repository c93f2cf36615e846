"""Helpers shared by the benchmark scripts (run them with scripts/bench.sh)."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
import xmlrpc.client

import odoo
from odoo.modules.registry import Registry

_CONFIG_PARSED = []
#: where the load tests start their Odoo server, and how long one call may take
HOST = "127.0.0.1"
CALL_TIMEOUT = 30


@contextlib.contextmanager
def open_env(uid=odoo.SUPERUSER_ID, context=None, db=None):
    """Yield an Environment on the benchmark database (or ``db`` on the same
    cluster); commits when the block ends."""
    if not _CONFIG_PARSED:
        odoo.tools.config.parse_config(["-c", os.environ["SPS_ODOO_CONF"]])
        _CONFIG_PARSED.append(True)
    registry = Registry(db or os.environ["SPS_DB"])
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, uid, context or {})


@contextlib.contextmanager
def timed(label, results=None):
    """Print (and collect) the wall time of the block."""
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.3f} s", flush=True)
    if results is not None:
        results[label] = elapsed


def columns(env, table, skip):
    """The columns of ``table`` but ``skip``, in their order: the column list of
    a bulk ``INSERT ... SELECT`` copying rows of that table."""
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [c for (c,) in env.cr.fetchall() if c not in skip]


def bench_users(env, kind, group_xmlid, count):
    """``count`` users "Bench <Kind> i" (login ``bench_<kind>_i``) in one group."""
    group = env.ref(group_xmlid).id
    return (
        env["res.users"]
        .with_context(no_reset_password=True, tracking_disable=True)
        .create(
            [
                {
                    "name": f"Bench {kind.title()} {i}",
                    "login": f"bench_{kind}_{i}",
                    "groups_id": [odoo.Command.set([group])],
                }
                for i in range(count)
            ]
        )
    )


def query_count(env):
    """Number of SQL queries run so far by this process (Odoo's global counter)."""
    return odoo.sql_db.sql_counter


class TimeoutTransport(xmlrpc.client.Transport):
    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = CALL_TIMEOUT
        return connection


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(workers=0):
    """Start Odoo on the benchmark database: threaded (``workers=0``) or
    prefork with ``workers`` HTTP workers. Returns (process, log, url, log path)."""
    port = os.environ["SPS_HTTP_PORT"]
    log_path = os.path.join(
        os.path.dirname(os.environ["SPS_ODOO_CONF"]), "bench_server.log"
    )
    log = open(log_path, "w")  # noqa: SIM115 - closed by stop_server
    command = [
        sys.executable,
        os.path.join(os.environ["ODOO_HOME"], "odoo-bin"),
        "-c",
        os.environ["SPS_ODOO_CONF"],
        "-d",
        os.environ["SPS_DB"],
        f"--http-port={port}",
        f"--http-interface={HOST}",
        f"--workers={workers}",
        f"--gevent-port={free_port()}",
        "--max-cron-threads=0",
        "--log-level=warn",
        "--db-filter=^{}$".format(os.environ["SPS_DB"]),
    ]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    for _attempt in range(240):
        if server.poll() is not None:
            raise SystemExit(f"Odoo server exited early; see {log_path}")
        try:
            with urllib.request.urlopen(f"{url}/web/health", timeout=2) as response:
                if response.status == 200:
                    return server, log, url, log_path
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("Odoo server did not become healthy in 120 s")


def print_server_log(log_path, lines=60):
    with open(log_path) as log_file:
        print("".join(log_file.readlines()[-lines:]), file=sys.stderr)


def stop_server(server, log):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()
