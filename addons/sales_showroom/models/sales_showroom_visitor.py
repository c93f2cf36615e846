# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.sales_policy_base.tools.rpc_args import as_record, public_arguments

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


def normalize_phone(phone):
    """Digits of a phone number, the last 9 kept, so '+86 138-0000 0000' and
    '13800000000' match; empty when fewer than 6 digits."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-9:] if len(digits) >= 6 else False


class SalesShowroomVisitor(models.Model):
    _name = "sales.showroom.visitor"
    _description = "Showroom Visitor"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "registration_date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    phone = fields.Char(tracking=True)
    email = fields.Char(tracking=True)
    phone_key = fields.Char(
        compute="_compute_keys", store=True, precompute=True, index=True
    )
    email_key = fields.Char(
        compute="_compute_keys", store=True, precompute=True, index=True
    )
    channel = fields.Selection(
        [
            ("walk_in", "Walk-in"),
            ("phone", "Phone Call"),
            ("website", "Website"),
            ("referral", "Referral"),
            ("event", "Event"),
            ("other", "Other"),
        ],
        required=True,
        default="walk_in",
        tracking=True,
    )
    needs = fields.Text(help="What the visitor is looking for: size, budget, timing.")
    partner_id = fields.Many2one("res.partner", string="Customer")
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        tracking=True,
        readonly=True,
        help="The rep this visitor belongs to during the protection window.",
    )
    registration_date = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True
    )
    protection_until = fields.Datetime(
        compute="_compute_protection_until", store=True, precompute=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    assignment_ids = fields.One2many("sales.showroom.assignment", "visitor_id")

    @api.depends("phone", "email")
    def _compute_keys(self):
        for visitor in self:
            visitor.phone_key = normalize_phone(visitor.phone)
            visitor.email_key = (visitor.email or "").strip().lower() or False

    @api.depends("registration_date", "company_id.showroom_ownership_days")
    def _compute_protection_until(self):
        for visitor in self:
            visitor.protection_until = fields.Datetime.add(
                visitor.registration_date,
                days=visitor.company_id.showroom_ownership_days,
            )

    # ------------------------------------------------------------------
    # Ownership
    # ------------------------------------------------------------------
    def _protected_matches_domain(self, phone_keys, email_keys, company_ids):
        parts = []
        if phone_keys:
            parts.append([("phone_key", "in", list(phone_keys))])
        if email_keys:
            parts.append([("email_key", "in", list(email_keys))])
        if not parts:
            return None
        return expression.AND(
            [
                expression.OR(parts),
                [
                    ("company_id", "in", list(company_ids)),
                    ("user_id", "!=", False),
                    ("protection_until", ">=", fields.Datetime.now()),
                ],
            ]
        )

    def _find_first_owner(self, candidates, phone_key, email_key, company, before):
        """First registration among ``candidates`` matching the keys, or empty."""

        def same_person(visitor):
            return (phone_key and visitor.phone_key == phone_key) or (
                email_key and visitor.email_key == email_key
            )

        matches = candidates.filtered(
            lambda v: v.company_id == company
            and same_person(v)
            and (not before or (v.registration_date, v.id) < before)
        )
        return matches.sorted(lambda v: (v.registration_date, v.id))[:1]

    @api.constrains(
        "phone_key", "email_key", "user_id", "company_id", "registration_date"
    )
    def _check_ownership_window(self):
        """A visitor protected for a rep cannot be registered to another rep."""
        owned = self.filtered("user_id")
        domain = self._protected_matches_domain(
            set(owned.mapped("phone_key")) - {False},
            set(owned.mapped("email_key")) - {False},
            set(owned.company_id.ids),
        )
        if domain is None:
            return
        candidates = self.sudo().search(domain)
        for visitor in owned:
            first = self._find_first_owner(
                candidates,
                visitor.phone_key,
                visitor.email_key,
                visitor.company_id,
                (visitor.registration_date, visitor.id),
            )
            if first and first.user_id != visitor.user_id:
                raise ValidationError(
                    self.env._(
                        "%(visitor)s was registered first by %(owner)s on "
                        "%(date)s and belongs to that rep until %(until)s "
                        "(clause SP-SHR-07). The registration for %(rep)s is "
                        "refused; ask %(owner)s or a sales manager.",
                        visitor=visitor.name,
                        owner=first.user_id.name,
                        date=first.registration_date,
                        until=first.protection_until,
                        rep=visitor.user_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # A returning visitor registered at reception (no owner yet) goes to
        # the rep who registered it first, not to the rotation.
        default_owner = self.env.context.get("default_user_id", self.env.user.id)
        for vals in vals_list:
            vals.setdefault("user_id", default_owner)
        self._check_registration_vals(vals_list)
        unowned = [vals for vals in vals_list if not vals["user_id"]]
        attributed = []
        if unowned:
            company_ids = {
                vals.get("company_id") or self.env.company.id for vals in unowned
            }
            phone_keys = {normalize_phone(vals.get("phone")) for vals in unowned}
            email_keys = {(vals.get("email") or "").strip().lower() for vals in unowned}
            domain = self._protected_matches_domain(
                phone_keys - {False}, email_keys - {"", False}, company_ids
            )
            candidates = self.sudo().search(domain) if domain else self.browse()
            for vals in unowned:
                first = self._find_first_owner(
                    candidates,
                    normalize_phone(vals.get("phone")),
                    (vals.get("email") or "").strip().lower() or False,
                    self.env["res.company"].browse(
                        vals.get("company_id") or self.env.company.id
                    ),
                    None,
                )
                if first:
                    vals["user_id"] = first.user_id.id
                    attributed.append(vals)
        visitors = super().create(vals_list)
        self.env["sales.showroom.assignment"].sudo().create(
            [
                {
                    "visitor_id": visitor.id,
                    "user_id": visitor.user_id.id,
                    "method": "owner",
                    "company_id": visitor.company_id.id,
                }
                for visitor, vals in zip(visitors, vals_list, strict=True)
                if any(vals is done for done in attributed)
            ]
        )
        return visitors

    def write(self, vals):
        if not self.env.su:
            is_manager = self.env.user.has_group(MANAGER_GROUP)
            if "user_id" in vals and not is_manager:
                raise AccessError(
                    self.env._(
                        "A visitor's owner is set by registration or by the "
                        "reception rotation; only a sales manager may change it "
                        "(clause SP-SHR-07)."
                    )
                )
            if "registration_date" in vals and not is_manager:
                self._raise_registration_date()
            if vals.get("user_id"):
                # A manager giving visitors to a rep: that rep must be on duty.
                for company in self.company_id:
                    self._check_rep_on_duty(
                        self.env["res.users"].browse(vals["user_id"]),
                        company,
                        self.filtered(lambda v, c=company: v.company_id == c),
                    )
        return super().write(vals)

    def _check_registration_vals(self, vals_list):
        """Registration rules on create (the server, ``su``, is not bound).

        The registration date is the server's clock: a value sent by anyone
        but a sales manager is replaced by now. A rep registers visitors for
        themselves (or leaves them to the rotation); registering for another
        rep is an assignment, allowed to a sales manager for a rep on
        reception duty today.
        """
        if self.env.su:
            return
        is_manager = self.env.user.has_group(MANAGER_GROUP)
        for vals in vals_list:
            if not is_manager:
                # whatever the client sent (a form sends its default): now
                vals["registration_date"] = fields.Datetime.now()
            owner_id = vals.get("user_id")
            if not owner_id or owner_id == self.env.user.id:
                continue
            owner = self.env["res.users"].browse(owner_id)
            if not is_manager:
                raise AccessError(
                    self.env._(
                        "You may register visitors only for yourself; %(rep)s "
                        "registers their own visitors, and the reception "
                        "rotation or a sales manager assigns the others (clause "
                        "SP-SHR-07).",
                        rep=owner.name,
                    )
                )
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            self._check_rep_on_duty(owner, company, vals.get("name"))

    def _raise_registration_date(self):
        raise AccessError(
            self.env._(
                "The registration date is the moment the visitor is registered "
                "and decides who registered first (clause SP-SHR-07); only a "
                "sales manager may correct it."
            )
        )

    @api.model
    def _check_rep_on_duty(self, user, company, visitors):
        """Refuse giving ``visitors`` (records or a name) to a rep off duty today."""
        today = fields.Date.context_today(self)
        on_duty = self.env["sales.showroom.reception.queue"].sudo().search_count(
            [
                ("date", "=", today),
                ("user_id", "=", user.id),
                ("company_id", "=", company.id),
            ],
            limit=1,
        ) or self.env["sales.showroom.duty"].sudo().search_count(
            [
                ("date", "=", today),
                ("duty_type", "=", "reception"),
                ("user_id", "=", user.id),
                ("company_id", "=", company.id),
            ],
            limit=1,
        )
        if not on_duty:
            names = (
                visitors
                if isinstance(visitors, str) or not visitors
                else ", ".join(visitors.mapped("name"))
            )
            raise UserError(
                self.env._(
                    "%(rep)s is not on reception duty today, so visitor "
                    "%(visitor)s cannot be assigned to that rep (clause "
                    "SP-SHR-06). Use Next Visitor or choose a rep on duty.",
                    rep=user.name,
                    visitor=names or "",
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def action_assign_next_rep(self):
        """Next visitor: give it to the head of today's reception queue."""
        self.ensure_one()
        self._check_unassigned()
        queue = self.env["sales.showroom.reception.queue"]
        entry, skipped = queue._take_next(
            fields.Date.context_today(self), self.company_id
        )
        self._assign(entry.user_id, "rotation", skipped)
        return True

    @public_arguments(one=True)
    def assign_to(self, user):
        """Give the visitor to ``user`` (a record or its id), who must be on
        today's reception duty."""
        self.ensure_one()
        user = as_record(self, user, "res.users", self.env._("Salesperson"))
        self._check_unassigned()
        self._check_rep_on_duty(user, self.company_id, self)
        self._assign(user, "manual")
        return True

    def _check_unassigned(self):
        if self.user_id:
            raise UserError(
                self.env._(
                    "Visitor %(visitor)s already belongs to %(owner)s; no other "
                    "rep may take this visitor (clause SP-SHR-07).",
                    visitor=self.name,
                    owner=self.user_id.name,
                )
            )

    def _assign(self, user, method, skipped=None):
        self.sudo().write({"user_id": user.id})
        self.env["sales.showroom.assignment"].sudo().create(
            {
                "visitor_id": self.id,
                "user_id": user.id,
                "method": method,
                "skipped_user_ids": [fields.Command.set(skipped.ids)]
                if skipped
                else False,
                "company_id": self.company_id.id,
            }
        )
