# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A version of a contract template: the contract text valid from a date.

draft → active (legal publishes it, SP-CTR-02) → superseded (a later version
was published: this one ends the day before). Published versions (active or
superseded) of one template never overlap: a constraint says so, and the
PostgreSQL exclusion constraint ``sales_contract_template_version_no_overlap``
holds it under concurrency (the publication also locks the template's row;
the constraint is deferred to the commit, so the Python check explains a
refusal first).
A published version's text and dates are frozen; only the publication
writes them (``_transition``).
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_amount, format_date, html2plaintext

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.contract_math import fill_placeholders, periods_overlap

STATES = [("draft", "Draft"), ("active", "Active"), ("superseded", "Superseded")]
PUBLISHED = ("active", "superseded")
#: what a publication freezes
FROZEN_FIELDS = {"template_id", "date_from", "date_to", "body"}


class SalesContractTemplateVersion(models.Model):
    _name = "sales.contract.template.version"
    _description = "Contract Template Version"
    _inherit = ["mail.thread", "sales.policy.transition.mixin"]
    _order = "template_id, date_from desc, id desc"
    _policy_clause = "SP-CTR-02"
    _protected_fields = ["state", "published_by_id", "published_date"]

    name = fields.Char(string="Version", required=True, tracking=True)
    template_id = fields.Many2one(
        "sales.contract.template",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="template_id.company_id", store=True, index=True
    )
    date_from = fields.Date(
        string="Effective From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_to = fields.Date(
        string="Effective Until",
        tracking=True,
        help="Empty: in force until a later version is published.",
    )
    body = fields.Html(
        string="Contract Clauses",
        sanitize=True,
        help="The contract text printed on the order. Placeholders: "
        "{{ customer }}, {{ order }}, {{ date }}, {{ amount }}, {{ company }}, "
        "{{ salesperson }}, {{ grade }}.",
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    published_date = fields.Datetime(readonly=True, copy=False)
    order_ids = fields.One2many(
        "sale.order",
        "sales_contract_version_id",
        string="Signed Orders",
        groups="sales_team.group_sale_salesman",
    )
    order_count = fields.Integer(
        string="Orders",
        compute="_compute_order_count",
        groups="sales_team.group_sale_salesman",
    )

    _sql_constraints = [
        (
            "dates_in_order",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A version ends on or after the day it takes effect.",
        ),
        (
            "no_overlap",
            "EXCLUDE USING gist (int4range(template_id, template_id, '[]') WITH &&, "
            "daterange(date_from, date_to, '[]') WITH &&) "
            "WHERE (state IN ('active', 'superseded')) DEFERRABLE INITIALLY DEFERRED",
            "Two published versions of one contract template cannot be in force "
            "on the same day (sales policy SP-CTR-02).",
        ),
    ]

    def _compute_order_count(self):
        groups = self.env["sale.order"]._read_group(
            [("sales_contract_version_id", "in", self.ids)],
            ["sales_contract_version_id"],
            ["__count"],
        )
        counts = {version.id: count for version, count in groups}
        for version in self:
            version.order_count = counts.get(version.id, 0)

    @api.constrains("template_id", "date_from", "date_to", "state")
    def _check_no_overlap(self):
        published = self.filtered(lambda v: v.state in PUBLISHED)
        if not published:
            return
        others = (
            self.sudo().search(
                [
                    ("template_id", "in", published.template_id.ids),
                    ("state", "in", PUBLISHED),
                    ("id", "not in", published.ids),
                ]
            )
            | published
        )
        for version in published:
            clash = others.filtered(
                lambda o, v=version: o != v
                and o.template_id == v.template_id
                and periods_overlap(o.date_from, o.date_to, v.date_from, v.date_to)
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(template)s: version %(version)s would be in force on "
                        "the same days as version %(other)s (sales policy "
                        "SP-CTR-02: one contract version per customer class and "
                        "date). Change its effective dates.",
                        template=version.template_id.display_name,
                        version=version.name,
                        other=clash[0].name,
                    )
                )

    def write(self, vals):
        frozen = FROZEN_FIELDS.intersection(vals)
        if frozen and not self.env.su and not self._in_transition():
            published = self.filtered(lambda v: v.state != "draft")
            if published:
                raise UserError(
                    self.env._(
                        "%(versions)s: a published contract version is frozen "
                        "(sales policy SP-CTR-02). Create a new version and "
                        "have legal publish it.",
                        versions=", ".join(published.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        published = self.filtered(lambda v: v.state != "draft")
        if published:
            raise UserError(
                self.env._(
                    "%(versions)s: a published contract version stays in the "
                    "archive (sales policy SP-CTR-02); only drafts are deleted.",
                    versions=", ".join(published.mapped("name")),
                )
            )

    # --- actions --------------------------------------------------------------------
    @public_arguments(one=True)
    def action_publish(self):
        """Legal publishes the draft: it takes effect from its date; the
        version in force before it ends the day before (superseded)."""
        self.ensure_one()
        template = self.template_id
        template._check_legal()
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "%(version)s is already published (sales policy SP-CTR-02).",
                    version=self.name,
                )
            )
        if not html2plaintext(self.body or "").strip():
            raise UserError(
                self.env._(
                    "%(version)s has no contract clauses to publish (sales policy "
                    "SP-CTR-02). Write the contract text first.",
                    version=self.name,
                )
            )
        # concurrent publications of one template wait for each other here
        self.env.cr.execute(
            SQL(
                "SELECT id FROM sales_contract_template WHERE id = %s FOR UPDATE",
                template.id,
            )
        )
        self.env.invalidate_all()
        published = self.sudo().search(
            [("template_id", "=", template.id), ("state", "in", PUBLISHED)]
        )
        later = published.filtered(lambda v: v.date_from >= self.date_from)
        if later:
            raise UserError(
                self.env._(
                    "%(template)s: version %(other)s already takes effect on "
                    "%(date)s, on or after %(version)s (sales policy SP-CTR-02). "
                    "Give this version a later effective date.",
                    template=template.display_name,
                    other=later[0].name,
                    date=later[0].date_from,
                    version=self.name,
                )
            )
        day_before = self.date_from - timedelta(days=1)
        for previous in published.filtered(lambda v: v.state == "active"):
            vals = {"state": "superseded"}
            if not previous.date_to or previous.date_to > day_before:
                vals["date_to"] = day_before
            previous._transition(vals)
        # the previous version ends before this one starts, in the database
        # too (the exclusion constraint judges each UPDATE)
        published.flush_recordset()
        self._transition(
            {
                "state": "active",
                "published_by_id": self.env.uid,
                "published_date": fields.Datetime.now(),
            }
        )
        template._stamp_review()
        return True

    @public_arguments(one=True)
    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = [("sales_contract_version_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # --- printing -------------------------------------------------------------------
    def _render_body(self, order):
        """The version's clauses for ``order``, placeholders filled in."""
        self.ensure_one()
        grade = order.partner_id.commercial_partner_id.sales_grade
        date = fields.Date.context_today(order, order.date_order)
        values = {
            "customer": order.partner_id.commercial_partner_id.name,
            "order": order.name,
            "date": format_date(self.env, date),
            "amount": format_amount(self.env, order.amount_total, order.currency_id),
            "company": order.company_id.name,
            "salesperson": order.user_id.name,
            "grade": (grade or "").upper(),
        }
        return fill_placeholders(self.body, values)
