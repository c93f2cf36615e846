# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

#: reviewer groups whose members stand in for each other
REVIEWER_GROUPS = (
    "sales_policy_base.group_sales_policy_finance_reviewer",
    "sales_policy_base.group_sales_policy_legal_reviewer",
    "sales_policy_base.group_sales_policy_technical_reviewer",
)


class SalesPolicyApprovalDelegation(models.Model):
    _name = "sales.policy.approval.delegation"
    _description = "Sales Policy Approval Delegation"
    _order = "date_from desc, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Approver",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        ondelete="cascade",
    )
    delegate_id = fields.Many2one(
        "res.users",
        string="Delegate To",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("share", "=", False)],
    )
    date_from = fields.Date(required=True, default=fields.Date.context_today)
    date_to = fields.Date(required=True)
    active = fields.Boolean(default=True)
    note = fields.Char()

    @api.depends("user_id", "delegate_id", "date_from", "date_to")
    def _compute_display_name(self):
        for delegation in self:
            delegation.display_name = self.env._(
                "%(user)s → %(delegate)s (%(start)s – %(end)s)",
                user=delegation.user_id.name or "",
                delegate=delegation.delegate_id.name or "",
                start=delegation.date_from or "",
                end=delegation.date_to or "",
            )

    @api.constrains("date_from", "date_to", "user_id", "delegate_id")
    def _check_delegation(self):
        for delegation in self:
            if delegation.date_to < delegation.date_from:
                raise ValidationError(
                    self.env._(
                        "The delegation period is reversed (%(start)s to %(end)s): "
                        "the end date must be on or after the start date.",
                        start=delegation.date_from,
                        end=delegation.date_to,
                    )
                )
            if (
                not self.env.su
                and delegation.user_id != self.env.user
                and not self.env.user.has_group(
                    "sales_policy_base.group_sales_policy_admin"
                )
            ):
                raise ValidationError(
                    self.env._(
                        "You can only delegate your own approvals; ask a policy "
                        "administrator to delegate those of %(user)s.",
                        user=delegation.user_id.name,
                    )
                )
            if delegation.delegate_id == delegation.user_id:
                raise ValidationError(
                    self.env._("Choose someone else than the approver as delegate.")
                )
            missing = delegation._missing_approver_groups()
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(delegate)s cannot stand in for %(user)s: the approval "
                        "rules need the group(s) %(groups)s, which %(delegate)s "
                        "does not have. Delegate to a user of the right group.",
                        delegate=delegation.delegate_id.name,
                        user=delegation.user_id.name,
                        groups=", ".join(missing.mapped("full_name")),
                    )
                )
            levels = delegation._missing_approver_level()
            if levels:
                raise ValidationError(
                    self.env._(
                        "%(delegate)s cannot stand in for %(user)s: %(user)s "
                        "approves as a named user or as the user on the document "
                        "(e.g. the team leader), and a delegate must then belong "
                        "to one of the groups %(groups)s. Delegate to a user of "
                        "the right group.",
                        delegate=delegation.delegate_id.name,
                        user=delegation.user_id.name,
                        groups=", ".join(levels.mapped("full_name")),
                    )
                )

    def _missing_approver_groups(self):
        """Approver groups of the rules the approver decides that the delegate lacks."""
        self.ensure_one()
        delegate = self.delegate_id
        if delegate.share:
            return self.env.ref("base.group_user")
        rules = (
            self.env["sales.policy.approval.rule"]
            .sudo()
            .search([("approver_type", "=", "group")])
        )
        groups = rules.approver_group_id & self.user_id.sudo().groups_id
        return groups - delegate.sudo().groups_id

    def _missing_approver_level(self):
        """Groups one of which the delegate needs for user- and field-type rules.

        Those rules name no group: the approver may be a named user or the user
        in a field of the document (a team leader). The delegate must then be a
        sales manager, or share one of the approver's reviewer groups (a legal
        reviewer stands in for a legal reviewer). Empty when the delegate
        qualifies or the approver decides no such rule.
        """
        self.ensure_one()
        approver = self.user_id.sudo()
        rules = (
            self.env["sales.policy.approval.rule"]
            .sudo()
            .search(
                [
                    "|",
                    ("approver_type", "=", "field"),
                    "&",
                    ("approver_type", "=", "user"),
                    ("approver_user_ids", "in", approver.ids),
                ]
            )
        )
        if not rules:
            return self.env["res.groups"]
        levels = self.env.ref("sales_policy_base.group_sales_policy_manager")
        for xmlid in REVIEWER_GROUPS:
            group = self.env.ref(xmlid)
            if group in approver.groups_id:
                levels |= group
        if levels & self.delegate_id.sudo().groups_id:
            return self.env["res.groups"]
        return levels

    @api.model_create_multi
    def create(self, vals_list):
        delegations = super().create(vals_list)
        self.env["sales.policy.approval.request"]._sync_delegations()
        return delegations

    def write(self, vals):
        res = super().write(vals)
        self.env["sales.policy.approval.request"]._sync_delegations()
        return res

    @api.model
    def _active_delegations(self, delegates=None, users=None, day=None):
        day = day or fields.Date.context_today(self)
        domain = [("date_from", "<=", day), ("date_to", ">=", day)]
        if delegates is not None:
            domain.append(("delegate_id", "in", delegates.ids))
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        return self.search(domain)
