# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which installed modules are the suite's own.

A suite module lives in this repository (top level, ``addons/`` or
``tests/``). Third-party addons installed from PyPI into the project's
virtual environment (``.venv/…``, e.g. OCA ``crm_claim``) are inside the
repository folder too, but in a hidden folder: they are not the suite's.
"""

import os

from odoo.modules.module import get_module_path

REPO_ROOT = os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
)


def is_suite_path(path):
    """Whether the file or folder ``path`` is the suite's own code."""
    path = os.path.realpath(path)
    if not path.startswith(os.path.realpath(REPO_ROOT) + os.sep):
        return False
    relative = os.path.relpath(path, os.path.realpath(REPO_ROOT))
    return not any(part.startswith(".") for part in relative.split(os.sep))


def is_suite_module(name):
    """Whether the module ``name`` is one of the suite's own modules."""
    path = get_module_path(name)
    return bool(path) and is_suite_path(path)
