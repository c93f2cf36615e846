# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Whether a document's values meet an approval rule's condition.

Pure functions: no ``env``, no database. The engine
(``sales.policy.approval.mixin``) calls them with plain values.
"""

#: the types a consumer gives its metrics (``_approval_metrics``)
METRIC_TYPES = ("number", "percent", "boolean")


def thresholds_met(values, amount_from, amount_to, metric=None, operator=None, limit=0):
    """Whether a record's values meet a rule's thresholds.

    ``values`` holds ``amount`` (company currency) and the consumer's metrics.
    An amount bound of 0 (or ``None``) is not tested. ``metric`` names the
    metric the rule tests (none: not tested); ``operator`` is ``">"``
    (above ``limit``), ``"<"`` (below ``limit``) or ``"set"`` (a yes/no metric
    that is true). A value of ``None`` (the model has no such notion) never
    meets a threshold.
    """
    amount = values.get("amount")
    if amount_from or amount_to:
        if amount is None:
            return False
        if amount_from and amount < amount_from:
            return False
        if amount_to and amount >= amount_to:
            return False
    if metric:
        value = values.get(metric)
        if value is None:
            return False
        if operator == "set":
            return bool(value)
        if operator == ">":
            return value > limit
        if operator == "<":
            return value < limit
        return False
    return True


def rule_matches(rule, values, company_threshold=0.0):
    """Whether a record's values meet a rule's condition.

    ``rule`` is a rule record or its cached ``RuleSpec`` (``amount_from``,
    ``amount_to``, ``use_company_threshold``, ``metric``, ``metric_operator``,
    ``metric_value``); ``company_threshold`` is the record's company's
    large-bid amount (a company setting).
    """
    amount_from = rule.amount_from
    if rule.use_company_threshold:
        if not company_threshold:
            return False
        amount_from = max(amount_from, company_threshold)
    return thresholds_met(
        values,
        amount_from,
        rule.amount_to,
        rule.metric or None,
        rule.metric_operator,
        rule.metric_value,
    )


def action_gates(rule_action, action, ranks):
    """Whether a rule set on ``rule_action`` gates ``action``.

    ``ranks`` is the consumer's ``_approval_action_rank``: a rule on an action
    also gates every action of a higher or equal rank (a rule on sending holds
    for confirming too). Actions without a rank gate only themselves.
    """
    if rule_action == action:
        return True
    rule_rank, rank = ranks.get(rule_action), ranks.get(action)
    return rule_rank is not None and rank is not None and rule_rank <= rank
