# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import namedtuple

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

ACTIONS = [
    ("send", "Send by Email"),
    ("print", "Print"),
    ("portal_accept", "Portal Acceptance"),
    ("confirm", "Confirm"),
]
#: a rule set on an action also holds for every later step (a higher rank)
ACTION_RANK = {"send": 10, "print": 10, "portal_accept": 20, "confirm": 30}

#: what the gate needs of a rule to match it, as plain cached data (see
#: ``_get_rule_specs_for_model``): the gate reads no rule on the hot path
RuleSpec = namedtuple(
    "RuleSpec",
    "id action company_id domain amount_from amount_to use_company_threshold "
    "discount_above margin_below below_floor",
)


def thresholds_met(values, amount_from, amount_to, discount_above, margin_below):
    """Whether a record's values meet a rule's thresholds (pure function).

    ``values`` holds ``amount`` (company currency), ``discount`` (highest line
    discount, %), ``margin`` (%). A threshold of 0 (or ``None``) is not tested;
    a value of ``None`` (no such notion on the model) never meets a threshold.
    """
    amount = values.get("amount")
    if amount_from or amount_to:
        if amount is None:
            return False
        if amount_from and amount < amount_from:
            return False
        if amount_to and amount >= amount_to:
            return False
    if discount_above:
        discount = values.get("discount")
        if discount is None or discount <= discount_above:
            return False
    if margin_below:
        margin = values.get("margin")
        if margin is None or margin >= margin_below:
            return False
    return True


def rule_matches(rule, values, company):
    """Whether a record's values meet a rule's condition (pure function).

    ``rule`` is a rule record or its ``RuleSpec``; ``company`` is the record's
    company (the large-bid threshold is a company setting).
    """
    if rule.below_floor and not values.get("below_floor"):
        return False
    amount_from = rule.amount_from
    if rule.use_company_threshold:
        threshold = company.sales_policy_large_bid_amount
        if not threshold:
            return False
        amount_from = max(amount_from, threshold)
    return thresholds_met(
        values, amount_from, rule.amount_to, rule.discount_above, rule.margin_below
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
    action = fields.Selection(
        ACTIONS,
        required=True,
        default="send",
        tracking=True,
        help="The first step the rule gates: a rule on sending or printing also "
        "gates portal acceptance and confirmation; a rule on portal acceptance "
        "also gates confirmation.",
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
    discount_above = fields.Float(
        string="Discount Above (%)",
        tracking=True,
        help="Applies when a line's discount exceeds this percentage; 0: not tested.",
    )
    margin_below = fields.Float(
        string="Margin Below (%)",
        tracking=True,
        help="Applies when the margin falls below this percentage; 0: not tested.",
    )
    below_floor = fields.Boolean(
        string="A Line Below Its Price Floor",
        tracking=True,
        help="Applies when a line is priced below its floor.",
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

    def _compute_request_count(self):
        counts = dict(
            self.env["sales.policy.approval.request"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.request_count = counts.get(rule, 0)

    @api.constrains("amount_from", "amount_to", "discount_above", "margin_below")
    def _check_thresholds(self):
        for rule in self:
            if (
                min(
                    rule.amount_from,
                    rule.amount_to,
                    rule.discount_above,
                    rule.margin_below,
                )
                < 0
            ):
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
            if rule.discount_above > 100 or rule.margin_below > 100:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: discount and margin thresholds are "
                        "percentages between 0 and 100.",
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

    @api.constrains("model_id")
    def _check_model(self):
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
    def _get_rules_for_model(self, model_name):
        """Active rules of a model (all companies; callers match the company)."""
        specs = self._get_rule_specs_for_model(model_name)
        return self.sudo().browse([spec.id for spec in specs])

    @api.model
    @tools.ormcache("model_name")
    def _get_rule_specs_for_model(self, model_name):
        """``RuleSpec`` of each active rule of a model, in rule order.

        Cached per model (cleared when a rule is created, written or deleted):
        the gate runs on every send, print and confirmation, and matches
        records against these without reading the rules. The domain is
        evaluated once (``None`` when empty); callers must not modify it.
        """
        rules = self.sudo().search([("model_name", "=", model_name)])
        return tuple(
            RuleSpec(
                id=rule.id,
                action=rule.action,
                company_id=rule.company_id.id,
                domain=rule._get_domain() or None,
                amount_from=rule.amount_from,
                amount_to=rule.amount_to,
                use_company_threshold=rule.use_company_threshold,
                discount_above=rule.discount_above,
                margin_below=rule.margin_below,
                below_floor=rule.below_floor,
            )
            for rule in rules
        )

    def _get_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]")

    def _values_match(self, values, company):
        self.ensure_one()
        return rule_matches(self, values, company)

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

    def _approvers_problem(self, record, approvers, blocked):
        """Why nobody could decide a request of this rule on ``record``, or "".

        ``approvers`` are the rule's approvers for the record, ``blocked`` the
        users who may not decide it when self-approval is forbidden (whoever
        submits it and the document's owner).
        """
        self.ensure_one()
        company = record._approval_company()
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

    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_policy_base.sales_policy_approval_request_action"
        )
        action["domain"] = [("rule_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
