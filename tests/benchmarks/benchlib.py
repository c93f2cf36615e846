"""Helpers shared by the benchmark scripts (run them with scripts/bench.sh)."""

import contextlib
import os
import time

import odoo
from odoo.modules.registry import Registry

_CONFIG_PARSED = []


@contextlib.contextmanager
def open_env(uid=odoo.SUPERUSER_ID, context=None):
    """Yield an Environment on the benchmark database; commits when the block ends."""
    if not _CONFIG_PARSED:
        odoo.tools.config.parse_config(["-c", os.environ["SPS_ODOO_CONF"]])
        _CONFIG_PARSED.append(True)
    registry = Registry(os.environ["SPS_DB"])
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


def query_count(env):
    """Number of SQL queries run so far by this process (Odoo's global counter)."""
    return odoo.sql_db.sql_counter
