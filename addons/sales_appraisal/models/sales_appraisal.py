# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.appraisal_math import weighted_total

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
SENIOR_GROUP = "sales_policy_base.group_sales_policy_senior_manager"
PERIOD_TYPES = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
#: what a manager may write on a draft appraisal (the rest is the engine's)
MANAGER_FIELDS = {"manager_comment"}
#: written by the mail thread itself, whatever the state
MAIL_FIELDS = {"message_main_attachment_id"}


class SalesAppraisal(models.Model):
    """A rep's weighted appraisal of a month, quarter or year.

    The cron computes the months (``sales.appraisal.engine``); quarters and
    years aggregate the months and add the manager's qualitative part. Steps:
    draft -> reviewed (the rep's manager) -> acknowledged (the rep, only
    their own) -> closed (history, no longer edited). The state and who
    reviewed change only through these steps (``_protected_fields``).
    """

    _name = "sales.appraisal"
    _description = "Sales Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-APR-03"
    _order = "date_from desc, period_type, user_id"
    #: the rep answers (feedback) in the chatter of an appraisal they only read
    _mail_post_access = "read"
    _protected_fields = [
        "state",
        "reviewed_by_id",
        "review_date",
        "acknowledged_date",
        "position_review",
    ]

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    manager_id = fields.Many2one("res.users", help="The team leader when computed.")
    template_id = fields.Many2one("sales.appraisal.template", required=True)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month")
    date_from = fields.Date(string="Period Start", required=True, index=True)
    date_to = fields.Date(
        string="Period End", required=True, help="First day after the period."
    )
    line_ids = fields.One2many(
        "sales.appraisal.line", "appraisal_id", string="Indicators"
    )
    score_total = fields.Float(
        string="Score",
        compute="_compute_score_total",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    failing = fields.Boolean(
        compute="_compute_score_total",
        store=True,
        help="The score is below the template's passing score.",
    )
    manager_comment = fields.Text(string="Manager's Comments")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("reviewed", "Reviewed"),
            ("acknowledged", "Acknowledged"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    review_date = fields.Date(readonly=True)
    acknowledged_date = fields.Date(readonly=True, tracking=True)
    position_review = fields.Boolean(
        readonly=True,
        help="A position review was opened for the senior manager after "
        "consecutive failing months.",
    )

    @api.depends("user_id", "period_type", "date_from")
    def _compute_name(self):
        labels = dict(PERIOD_TYPES)
        for appraisal in self:
            appraisal.name = self.env._(
                "%(user)s, %(period)s from %(date)s",
                user=appraisal.user_id.name or "",
                period=labels.get(appraisal.period_type, ""),
                date=appraisal.date_from or "",
            )

    @api.depends(
        "line_ids.score",
        "line_ids.weight",
        "line_ids.measured",
        "template_id.pass_score",
    )
    def _compute_score_total(self):
        for appraisal in self:
            total = weighted_total(
                [
                    (line.score, line.weight)
                    for line in appraisal.line_ids
                    if line.measured
                ]
            )
            appraisal.score_total = total
            appraisal.failing = bool(appraisal.line_ids) and (
                total < appraisal.template_id.pass_score
            )

    def init(self):
        # one appraisal per rep, period kind and start (also under concurrency)
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS sales_appraisal_period_uniq "
                "ON sales_appraisal (company_id, user_id, period_type, date_from)"
            )
        )

    def write(self, vals):
        if not self._in_transition():
            if not self.env.su:
                # who may not write the appraisal at all is told so first
                self.check_access("write")
            self._check_editable(vals)
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._(
                    "Only draft appraisals are deleted; reviewed ones are the "
                    "rep's appraisal file (policy clause SP-APR-03)."
                )
            )
        return super().unlink()

    def _check_editable(self, vals):
        """Closed appraisals are history; reviewed ones wait for the rep; in
        draft a manager writes the comments, the engine the figures."""
        fields_written = set(vals) - MAIL_FIELDS
        if self._only_updates_lines(vals.get("line_ids")):
            # the form saves the manager's scores of the qualitative lines
            # through the appraisal: each line's own guard decides
            # (``sales.appraisal.line._check_manager_edit``)
            fields_written.discard("line_ids")
        if not fields_written:
            return
        closed = self.filtered(lambda a: a.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Appraisal %(appraisal)s is closed: it is kept as it is in "
                    "the rep's file (policy clause SP-APR-03) and no longer "
                    "changes.",
                    appraisal=closed[0].name,
                )
            )
        if self.env.su:
            return
        if fields_written - MANAGER_FIELDS or self.filtered(
            lambda a: a.state != "draft"
        ):
            raise UserError(
                self.env._(
                    "Only the manager's comments of a draft appraisal are "
                    "edited; its figures come from the sales data and its "
                    "steps from its buttons (policy clause SP-APR-03)."
                )
            )

    @staticmethod
    def _only_updates_lines(commands):
        """``line_ids`` commands that only update or keep existing lines."""
        return bool(commands) and all(
            isinstance(command, list | tuple)
            and command
            and command[0] in (Command.UPDATE, Command.LINK)
            for command in commands
        )

    # --- actions ------------------------------------------------------------
    @public_arguments
    def action_review(self):
        """The rep's manager reviews the draft (comments and qualitative
        scores written)."""
        self._check_reviewer()
        self._check_state("draft")
        self._transition(
            {
                "state": "reviewed",
                "reviewed_by_id": self.env.uid,
                "review_date": fields.Date.context_today(self),
            }
        )
        for appraisal in self:
            appraisal.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=appraisal.user_id.id,
                summary=self.env._("Read and acknowledge your appraisal"),
            )
        return True

    @public_arguments
    def action_acknowledge(self):
        """The rep acknowledges their own reviewed appraisal."""
        others = self.filtered(lambda a: a.user_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "Only %(user)s acknowledges appraisal %(appraisal)s: a rep "
                    "acknowledges their own appraisal only (policy clause "
                    "SP-APR-03).",
                    user=others[0].user_id.name,
                    appraisal=others[0].name,
                )
            )
        self.check_access("read")
        self._check_state("reviewed")
        self.sudo()._transition(
            {
                "state": "acknowledged",
                "acknowledged_date": fields.Date.context_today(self),
            }
        )
        self.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.env.user
        ).action_feedback()
        return True

    @public_arguments
    def action_close(self):
        self._check_reviewer()
        self._check_state("acknowledged")
        self._transition({"state": "closed"})
        return True

    @public_arguments
    def action_reset_draft(self):
        self._check_reviewer()
        self._check_state("reviewed")
        self._transition(
            {"state": "draft", "reviewed_by_id": False, "review_date": False}
        )
        return True

    @public_arguments(one=True)
    def action_download_file(self):
        """The rep's appraisal file (XLSX) of this appraisal's year: the rep
        downloads their own, a manager those of their team."""
        self.ensure_one()
        self.check_access("read")
        export = self.env["sales.appraisal.file.export"].create(
            {
                "user_id": self.user_id.id,
                "year": self.date_from.year,
                "company_id": self.company_id.id,
            }
        )
        return export.action_export()

    # --- business methods -------------------------------------------------------
    def _check_reviewer(self):
        """A sales manager of the rep's team (or a senior manager), never the
        rep."""
        user = self.env.user
        if not user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager reviews and closes appraisals (policy "
                    "clause SP-APR-03)."
                )
            )
        self.check_access("write")
        if self.filtered(lambda a: a.user_id == user):
            raise AccessError(
                self.env._(
                    "No one reviews or closes their own appraisal (policy "
                    "clause SP-APR-03); the next manager up does."
                )
            )

    def _check_state(self, state):
        wrong = self.filtered(lambda a: a.state != state)
        if wrong:
            labels = dict(self._fields["state"].selection)
            raise UserError(
                self.env._(
                    "Appraisal %(appraisal)s is %(state)s; this step needs it "
                    "%(needed)s.",
                    appraisal=wrong[0].name,
                    state=labels[wrong[0].state],
                    needed=labels[state],
                )
            )
