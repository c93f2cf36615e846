# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import namedtuple

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from ..tools.rpc_args import public_arguments

#: what the gate needs of a rule to match it, as plain cached data (see
#: ``_get_rule_specs_for_model``): the gate reads no rule on the hot path
RuleSpec = namedtuple(
    "RuleSpec",
    "id action kind company_id domain amount_from amount_to use_company_threshold "
    "metric metric_operator metric_value",
)


class SalesPolicyApprovalRule(models.Model):
    _name = "sales.policy.approval.rule"
    _description = "Sales Policy Approval Rule"
    _inherit = ["mail.thread"]
    _order = "model_name, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty for a rule that holds in every company.",
        tracking=True,
    )
    model_id = fields.Many2one(
        "ir.model",
        string="Applies To",
        required=True,
        ondelete="cascade",
        tracking=True,
    )
    model_name = fields.Char(
        related="model_id.model", store=True, index=True, string="Model Name"
    )
    kind = fields.Selection(
        [("approval", "Approval")],
        required=True,
        default="approval",
        tracking=True,
        help="What the rule is for. Modules find the rules of their kind "
        "(e.g. credit-hold releases) by this field.",
    )
    action = fields.Selection(
        selection="_selection_action",
        compute="_compute_action",
        store=True,
        readonly=False,
        tracking=True,
        help="The step of the document the rule gates, as the document type "
        "declares it. On quotations, a rule on sending or printing also gates "
        "portal acceptance and confirmation; a rule on portal acceptance also "
        "gates confirmation.",
    )
    domain = fields.Char(
        string="Condition",
        default="[]",
        tracking=True,
        help="Records the rule applies to, as an Odoo domain.",
    )
    amount_from = fields.Float(
        tracking=True,
        help="Applies from this amount (company currency, untaxed); 0: no minimum.",
    )
    amount_to = fields.Float(
        string="Amount Below",
        tracking=True,
        help="Applies below this amount; 0: no maximum.",
    )
    use_company_threshold = fields.Boolean(
        string="Amount Over Company Threshold",
        tracking=True,
        help="Applies when the amount reaches the large-bid threshold set "
        "in the company's Sales Policy settings.",
    )
    metric = fields.Selection(
        selection="_selection_metric",
        tracking=True,
        help="A figure of the document the rule tests (discount, margin, a line "
        "below its price floor, days overdue, ...), as the document type "
        "declares them. Empty: no figure is tested.",
    )
    metric_type = fields.Char(compute="_compute_metric_type")
    metric_operator = fields.Selection(
        [(">", "Above"), ("<", "Below"), ("set", "Is Yes")],
        string="Test",
        compute="_compute_metric_operator",
        store=True,
        readonly=False,
        tracking=True,
    )
    metric_value = fields.Float(
        string="Limit",
        tracking=True,
        help="The figure the metric is compared with (a percentage for "
        "percentages).",
    )
    approver_type = fields.Selection(
        [
            ("group", "Members of a Group"),
            ("user", "Specific Users"),
            ("field", "User on the Document"),
        ],
        required=True,
        default="group",
        tracking=True,
    )
    approver_group_id = fields.Many2one("res.groups", tracking=True)
    approver_user_ids = fields.Many2many("res.users", string="Approvers")
    approver_field = fields.Char(
        string="Approver Field Path",
        tracking=True,
        help="Path from the document to a user, e.g. team_id.user_id "
        "(the sales team leader).",
    )
    approval_mode = fields.Selection(
        [("any", "Any One of the Approvers"), ("all", "All of the Approvers")],
        required=True,
        default="any",
        tracking=True,
    )
    clause_id = fields.Many2one(
        "sales.policy.clause", string="Policy Clause", tracking=True
    )
    request_count = fields.Integer(compute="_compute_request_count")

    # --- what consumers declare -------------------------------------------
    @api.model
    def _approval_consumers(self):
        """The document models that inherit the approval mixin (registry)."""
        names = self.env.registry["sales.policy.approval.mixin"]._inherit_children
        return [
            self.env[name]
            for name in sorted(names)
            if name in self.env and not self.env[name]._abstract
        ]

    @api.model
    def _selection_action(self):
        """Every action a consumer declares (``_approval_actions``)."""
        seen = {}
        for model in self._approval_consumers():
            for key, label in model._approval_actions.items():
                seen.setdefault(key, str(label))
        return list(seen.items())

    @api.model
    def _selection_metric(self):
        """Every metric a consumer declares (``_approval_metrics``)."""
        seen = {}
        for model in self._approval_consumers():
            for key, (label, _type) in model._approval_metrics.items():
                seen.setdefault(key, str(label))
        return list(seen.items())

    def _model_declaration(self):
        """(actions, metrics) the rule's document type declares."""
        self.ensure_one()
        name = self.model_id.model
        if not name or name not in self.env:
            return {}, {}
        model = self.env[name]
        return (
            getattr(model, "_approval_actions", {}),
            getattr(model, "_approval_metrics", {}),
        )

    @api.depends("model_id")
    def _compute_action(self):
        for rule in self:
            actions = rule._model_declaration()[0]
            if rule.action not in actions:
                rule.action = next(iter(actions), False)

    @api.depends("model_id", "metric")
    def _compute_metric_type(self):
        for rule in self:
            metrics = rule._model_declaration()[1]
            rule.metric_type = metrics[rule.metric][1] if rule.metric in metrics else ""

    @api.depends("metric")
    def _compute_metric_operator(self):
        for rule in self:
            metric_type = rule.metric_type
            if not rule.metric:
                rule.metric_operator = False
            elif metric_type == "boolean":
                rule.metric_operator = "set"
            elif rule.metric_operator not in (">", "<"):
                rule.metric_operator = ">"

    def _compute_request_count(self):
        counts = dict(
            self.env["sales.policy.approval.request"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.request_count = counts.get(rule, 0)

    @api.constrains("amount_from", "amount_to", "metric_value")
    def _check_thresholds(self):
        for rule in self:
            if min(rule.amount_from, rule.amount_to, rule.metric_value) < 0:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: thresholds cannot be negative. "
                        "Use 0 to leave a threshold out.",
                        rule=rule.name,
                    )
                )
            if rule.amount_to and rule.amount_from >= rule.amount_to:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: the amount range is reversed "
                        "(from %(start)s, below %(end)s). Set 'Amount From' "
                        "lower than 'Amount Below', or 0 for no maximum.",
                        rule=rule.name,
                        start=rule.amount_from,
                        end=rule.amount_to,
                    )
                )
            if rule.metric_type == "percent" and rule.metric_value > 100:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: discount and margin thresholds are "
                        "percentages between 0 and 100.",
                        rule=rule.name,
                    )
                )

    @api.constrains("model_id", "action", "metric", "metric_operator")
    def _check_declared(self):
        # The final class's _inherit only names the last extension's parents (another
        # module extending sale.order hides the mixin): ask the registry instead.
        supported = self.env.registry["sales.policy.approval.mixin"]._inherit_children
        for rule in self:
            if rule.model_id.model not in supported:
                raise ValidationError(
                    self.env._(
                        "Approval rules apply only to documents that support "
                        "approvals; %(model)s does not.",
                        model=rule.model_id.name,
                    )
                )
            actions, metrics = rule._model_declaration()
            if rule.action not in actions:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: %(model)s has no step %(action)s. Choose "
                        "one of: %(actions)s.",
                        rule=rule.name,
                        model=rule.model_id.name,
                        action=rule.action,
                        actions=", ".join(str(label) for label in actions.values()),
                    )
                )
            if rule.metric and rule.metric not in metrics:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: %(model)s has no figure %(metric)s to "
                        "test. Choose one of: %(metrics)s, or none.",
                        rule=rule.name,
                        model=rule.model_id.name,
                        metric=rule.metric,
                        metrics=", ".join(str(m[0]) for m in metrics.values()) or "-",
                    )
                )
            if rule.metric and (rule.metric_operator == "set") != (
                rule.metric_type == "boolean"
            ):
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: a yes/no figure is tested with 'Is Yes', "
                        "a number with 'Above' or 'Below'.",
                        rule=rule.name,
                    )
                )

    @api.constrains(
        "approver_type", "approver_group_id", "approver_user_ids", "approver_field"
    )
    def _check_approver(self):
        for rule in self:
            if (
                (rule.approver_type == "group" and not rule.approver_group_id)
                or (rule.approver_type == "user" and not rule.approver_user_ids)
                or (rule.approver_type == "field" and not rule.approver_field)
            ):
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s has no approver. Choose the group, the "
                        "users or the document field whose user approves.",
                        rule=rule.name,
                    )
                )
            if rule.approver_type == "field":
                rule._check_approver_field_path()

    def _check_approver_field_path(self):
        self.ensure_one()
        model = self.env[self.model_id.model]
        field = None
        for name in self.approver_field.split("."):
            field = model._fields.get(name)
            if not field or field.type != "many2one":
                break
            model = self.env[field.comodel_name]
        if not field or field.type != "many2one" or field.comodel_name != "res.users":
            raise ValidationError(
                self.env._(
                    "Rule %(rule)s: %(path)s is not a path to a user on "
                    "%(model)s. Use many-to-one fields ending on a user, "
                    "e.g. team_id.user_id.",
                    rule=self.name,
                    path=self.approver_field,
                    model=self.model_id.name,
                )
            )

    @api.constrains("domain", "model_id")
    def _check_domain(self):
        for rule in self:
            try:
                domain = rule._get_domain()
                self.env[rule.model_id.model]._search(domain)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: the condition %(domain)s is not a valid "
                        "domain on %(model)s (%(error)s).",
                        rule=rule.name,
                        domain=rule.domain,
                        model=rule.model_id.name,
                        error=error,
                    )
                ) from error

    # --- business methods ---------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.model
    @tools.ormcache("model_name")
    def _get_rule_specs_for_model(self, model_name):
        """``RuleSpec`` of each active rule of a model, in rule order.

        Cached per model (cleared when a rule is created, written or deleted):
        the gate runs on every send, print and confirmation, and matches
        records against these without reading the rules. The domain is
        evaluated once (``None`` when empty); callers must not modify it.
        """
        rules = (
            self.sudo()
            .with_context(active_test=True)
            .search([("model_name", "=", model_name)])
        )
        return tuple(
            RuleSpec(
                id=rule.id,
                action=rule.action,
                kind=rule.kind,
                company_id=rule.company_id.id,
                domain=rule._get_domain() or None,
                amount_from=rule.amount_from,
                amount_to=rule.amount_to,
                use_company_threshold=rule.use_company_threshold,
                metric=rule.metric or None,
                metric_operator=rule.metric_operator,
                metric_value=rule.metric_value,
            )
            for rule in rules
        )

    def _get_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]")

    def _get_approvers(self, record):
        """Users who may decide a request of this rule on ``record``."""
        self.ensure_one()
        company = record._approval_company()
        if self.approver_type == "user":
            users = self.approver_user_ids
        elif self.approver_type == "group":
            users = self.approver_group_id.sudo().users
        else:
            users = record.sudo().mapped(self.approver_field)
        return users.filtered(
            lambda u: u.active and not u.share and company in u.company_ids
        )

    def _approvers_problem(self, record, approvers, blocked, conflicted=None):
        """Why nobody could decide a request of this rule on ``record``, or "".

        ``approvers`` are the rule's approvers for the record, ``blocked`` the
        users who may not decide it when self-approval is forbidden (whoever
        submits it and the document's owner), ``conflicted`` those who may
        never decide it (they benefit from the document).
        """
        self.ensure_one()
        company = record._approval_company()
        conflicted = conflicted or self.env["res.users"]
        if approvers and not (approvers - conflicted):
            return self.env._(
                "Approval cannot be requested for %(document)s: the approvers "
                "of the rule %(rule)s (%(users)s) benefit from it, and no one "
                "approves a document paying themselves (%(clause)s). Add another "
                "approver to the rule (Sales Policy > Configuration > Approval "
                "Rules).",
                document=record.display_name,
                rule=self.name,
                users=", ".join(approvers.mapped("name")),
                clause=self.clause_id.code or self.env._("sales policy"),
            )
        approvers -= conflicted
        if not approvers:
            if self.approver_type == "group":
                return self.env._(
                    "Approval cannot be requested for %(document)s: the rule "
                    "%(rule)s is approved by the group %(group)s, which has no "
                    "active internal user in %(company)s. Add a user of "
                    "%(company)s to that group, or change the rule's approver "
                    "(Sales Policy > Configuration > Approval Rules).",
                    document=record.display_name,
                    rule=self.name,
                    group=self.approver_group_id.sudo().full_name,
                    company=company.name,
                )
            if self.approver_type == "user":
                return self.env._(
                    "Approval cannot be requested for %(document)s: none of the "
                    "approvers of the rule %(rule)s (%(users)s) is an active "
                    "internal user of %(company)s. Give one of them access to "
                    "%(company)s, or change the rule's approvers (Sales Policy "
                    "> Configuration > Approval Rules).",
                    document=record.display_name,
                    rule=self.name,
                    users=", ".join(self.approver_user_ids.sudo().mapped("name")),
                    company=company.name,
                )
            return self.env._(
                "Approval cannot be requested for %(document)s: the rule "
                "%(rule)s is approved by the user in %(path)s, which is empty on "
                "the document or not an active internal user of %(company)s "
                "(for instance a sales team without a leader). Set it on the "
                "document (or its team), or change the rule's approver (Sales "
                "Policy > Configuration > Approval Rules).",
                document=record.display_name,
                rule=self.name,
                path=self.approver_field,
                company=company.name,
            )
        if not company.sales_policy_allow_self_approval and not (approvers - blocked):
            return self.env._(
                "Approval cannot be requested for %(document)s: the only "
                "approver(s) of the rule %(rule)s (%(users)s) submitted or own "
                "the document, and the sales policy forbids approving one's own "
                "request. Add another approver to the rule, or let another user "
                "submit it.",
                document=record.display_name,
                rule=self.name,
                users=", ".join(approvers.mapped("name")),
            )
        return ""

    @public_arguments(one=True)
    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_policy_base.sales_policy_approval_request_action"
        )
        action["domain"] = [("rule_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
