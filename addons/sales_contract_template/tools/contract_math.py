# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure helpers of the contract templates: periods, review dates and the
placeholders of a version's body. No ``env``; tested directly."""

import re

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

#: ``{{ name }}`` in a version's body
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def periods_overlap(start_a, end_a, start_b, end_b):
    """Whether two closed date periods share a day; an end of ``None`` or
    ``False`` is open (the period runs on)."""
    return (not end_b or start_a <= end_b) and (not end_a or start_b <= end_a)


def review_due(reference, today, months):
    """Whether a version in force since ``reference`` (its start, or the last
    review if later) is due for review on ``today``: ``months`` have passed."""
    if not reference or months <= 0:
        return False
    return reference + relativedelta(months=months) <= today


def fill_placeholders(body, values):
    """``body`` (HTML) with each ``{{ name }}`` of ``values`` replaced by the
    value, escaped; unknown placeholders stay as written."""

    def replace(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        value = values[name]
        return str(escape("" if value is None or value is False else value))

    return Markup(PLACEHOLDER.sub(replace, str(body or "")))
