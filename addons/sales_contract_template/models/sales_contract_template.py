# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract template of a customer class (clause SP-CTR-01).

A class is a customer grade (A/B/C) or a customer category (partner tag): a
category template takes precedence over the grade's. One active template per
class and company (partial unique indexes). The template's versions carry
the contract text (``sales.contract.template.version``); the half-yearly
review (SP-CTR-03) is a cron that gives legal a review activity; legal
either publishes a new version or confirms the current one, which stamps the
review date (a protected field).
"""

import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.models.sales_grading_policy import GRADES
from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches
from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.contract_math import review_due

_logger = logging.getLogger(__name__)

LEGAL_GROUP = "sales_policy_base.group_sales_policy_legal_reviewer"
REVIEW_ACTIVITY = "sales_contract_template.mail_activity_type_contract_review"
CLASS_TYPES = [("grade", "Customer Grade"), ("category", "Customer Category")]
#: what makes a template's class (one active template per class and company)
CLASS_FIELDS = {"active", "company_id", "class_type", "grade", "category_id"}


class SalesContractTemplate(models.Model):
    _name = "sales.contract.template"
    _description = "Contract Template"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _order = "company_id, class_type desc, grade, sequence, id"
    _policy_clause = "SP-CTR-03"
    #: stamped by the review (action_confirm_review, a publication) only
    _protected_fields = ["last_review_date", "last_reviewed_by_id"]

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    class_type = fields.Selection(
        CLASS_TYPES,
        string="Customer Class",
        required=True,
        default="grade",
        tracking=True,
    )
    grade = fields.Selection(GRADES, string="Customer Grade", tracking=True)
    category_id = fields.Many2one(
        "res.partner.category", string="Customer Category", tracking=True
    )
    version_ids = fields.One2many(
        "sales.contract.template.version", "template_id", string="Versions"
    )
    current_version_id = fields.Many2one(
        "sales.contract.template.version",
        string="Version in Force",
        compute="_compute_current_version_id",
        help="The published version valid today.",
    )
    last_review_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="When legal last confirmed the version in force or published a "
        "new one (half-yearly review).",
    )
    last_reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "class_defined",
            "CHECK((class_type = 'grade' AND grade IS NOT NULL) OR "
            "(class_type = 'category' AND category_id IS NOT NULL))",
            "A contract template names its customer class: a grade or a "
            "customer category.",
        ),
    ]

    def init(self):
        # one active template per class and company, also under concurrency
        for name, column, kind in (
            ("sales_contract_template_grade_uniq", "grade", "grade"),
            ("sales_contract_template_category_uniq", "category_id", "category"),
        ):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON sales_contract_template "
                    "(company_id, %s) WHERE active AND class_type = %s",
                    SQL.identifier(name),
                    SQL.identifier(column),
                    kind,
                )
            )

    def _compute_current_version_id(self):
        today = fields.Date.context_today(self)
        versions = self._versions_at(today)
        for template in self:
            template.current_version_id = versions.get(template.id, False)

    @api.depends("name", "class_type", "grade", "category_id")
    def _compute_display_name(self):
        grades = dict(GRADES)
        for template in self:
            label = (
                grades.get(template.grade, "")
                if template.class_type == "grade"
                else template.category_id.name or ""
            )
            template.display_name = (
                f"{template.name} ({label})" if label else template.name or ""
            )

    def _check_class_free(self, values):
        """Refuse an active template for a class that already has one.

        ``values``: the template's values after the change. Called before the
        row is written: the partial unique indexes would otherwise refuse it
        with a database error instead of this explanation.
        """
        if not values.get("active", True):
            return
        class_type = values.get("class_type") or "grade"
        domain = [
            ("id", "not in", self.ids),
            ("company_id", "=", values.get("company_id") or self.env.company.id),
            ("class_type", "=", class_type),
        ]
        if class_type == "grade":
            domain.append(("grade", "=", values.get("grade") or False))
        else:
            domain.append(("category_id", "=", values.get("category_id") or False))
        taken = self.sudo().search(domain, limit=1)
        if taken:
            raise ValidationError(
                self.env._(
                    "%(template)s already is the active contract template of this "
                    "customer class (sales policy SP-CTR-01: one template per "
                    "customer class). Add a version to it instead.",
                    template=taken.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_class_free(vals)
        return super().create(vals_list)

    def write(self, vals):
        if CLASS_FIELDS.intersection(vals):
            for template in self:
                current = {
                    "active": template.active,
                    "company_id": template.company_id.id,
                    "class_type": template.class_type,
                    "grade": template.grade,
                    "category_id": template.category_id.id,
                }
                template._check_class_free(dict(current, **vals))
        return super().write(vals)

    # --- which version applies ------------------------------------------------------
    def _versions_at(self, date):
        """{template id: the published version (a record) valid on ``date``}."""
        if not self.ids or not date:
            return {}
        versions = (
            self.env["sales.contract.template.version"]
            .sudo()
            .search(
                [
                    ("template_id", "in", self.ids),
                    ("state", "in", ("active", "superseded")),
                    ("date_from", "<=", date),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", date),
                ],
                order="date_from desc, id desc",
            )
        )
        result = {}
        for version in versions:
            result.setdefault(version.template_id.id, version)
        return result

    @api.model
    def _for_partner(self, partner, company):
        """The active template of ``partner``'s class in ``company``: a
        template of one of its categories first (by sequence), else its grade's."""
        commercial = partner.commercial_partner_id
        categories = commercial.category_id | partner.category_id
        templates = self.sudo().search(
            [
                ("company_id", "=", company.id),
                "|",
                "&",
                ("class_type", "=", "category"),
                ("category_id", "in", categories.ids),
                "&",
                ("class_type", "=", "grade"),
                ("grade", "=", commercial.sales_grade or False),
            ]
        )
        by_category = templates.filtered(lambda t: t.class_type == "category")
        return (by_category or templates)[:1]

    # --- half-yearly review (SP-CTR-03) -----------------------------------------------
    def _review_reference(self, versions):
        """The date the review clock starts from: the version in force's start,
        or the last review when later."""
        self.ensure_one()
        version = versions.get(self.id)
        if not version:
            return False
        return max(filter(None, [version.date_from, self.last_review_date]))

    def _review_due_templates(self, today):
        """The templates whose version in force is due for review and that have
        no open review activity."""
        versions = self._versions_at(today)
        due = self.filtered(
            lambda t: review_due(
                t._review_reference(versions),
                today,
                t.company_id.contract_review_months,
            )
        )
        if not due:
            return due
        activity_type = self.env.ref(REVIEW_ACTIVITY)
        open_ids = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", due.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        return due.filtered(lambda t: t.id not in open_ids)

    @api.model
    def _cron_review_due(self, batch_size=100, commit=None):
        """Give legal a review activity on every template due for review."""
        today = fields.Date.context_today(self)
        templates = self.sudo().search([])._review_due_templates(today)
        batches = CronBatches(self.env, batch_size, commit=commit)
        batches.expect(len(templates))
        for template in templates:
            try:
                with self.env.cr.savepoint():
                    template._schedule_review(today)
            except Exception:
                _logger.exception(
                    "Contract template %s: review not scheduled", template.id
                )
                batches.processed(failed=True)
            else:
                batches.processed()
        batches.flush()
        return batches

    def _schedule_review(self, today):
        self.ensure_one()
        reviewer = self.company_id._contract_reviewer()
        if not reviewer:
            raise UserError(
                self.env._(
                    "%(company)s has no legal reviewer to review contract "
                    "templates (sales policy SP-CTR-03). Set one in Settings.",
                    company=self.company_id.name,
                )
            )
        self.activity_schedule(
            REVIEW_ACTIVITY,
            date_deadline=today,
            user_id=reviewer.id,
            summary=self.env._("Half-yearly review of the contract template"),
        )

    def _check_legal(self):
        if not self.env.su and not self.env.user.has_group(LEGAL_GROUP):
            raise UserError(
                self.env._(
                    "Only a legal reviewer publishes or reviews contract "
                    "templates (sales policy SP-CTR-02). Ask legal."
                )
            )

    def _stamp_review(self):
        """The review is done: stamp it and close the open review activities."""
        self._transition(
            {
                "last_review_date": fields.Date.context_today(self),
                "last_reviewed_by_id": self.env.uid,
            }
        )
        self.sudo().activity_feedback([REVIEW_ACTIVITY])

    @public_arguments(one=True)
    def action_confirm_review(self):
        """Legal confirms the version in force for another period."""
        self.ensure_one()
        self._check_legal()
        if not self.current_version_id:
            raise UserError(
                self.env._(
                    "%(template)s has no version in force to confirm (sales "
                    "policy SP-CTR-03). Publish a version instead.",
                    template=self.display_name,
                )
            )
        self._stamp_review()
        return True

    @public_arguments(one=True)
    def action_view_versions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_contract_template.sales_contract_template_version_action"
        )
        action["domain"] = [("template_id", "=", self.id)]
        action["context"] = {"default_template_id": self.id}
        return action
