# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
# fixed once the settlement left draft
PERIOD_FIELDS = {"user_id", "company_id", "date_from", "date_to"}


class SalesCommissionSettlement(models.Model):
    """A rep's commission for one period: draft, approved, paid.

    The approval engine approves it before its vendor bill is created (the
    shipped rule: any sales manager; policy clause SP-COM-06): *Request
    Approval* submits the draft, the approvers decide in *My Approvals* or on
    the form, and the approval moves it to approved
    (``_approval_on_decision``). The rep whose commission it is may not
    approve it (the engine's requester). *Create Vendor Bill* pays it. The
    state, approver and bill change only through these steps
    (``_protected_fields``).
    """

    _name = "sales.commission.settlement"
    _description = "Commission Settlement"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-COM-06"
    _order = "date_from desc, user_id"

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"bill_commission": _lt("Create the Commission Vendor Bill")}
    _approval_amount_field = "amount_total"
    _approval_requester_field = "user_id"
    _approval_fingerprint_fields = ["user_id", "date_from", "date_to", "line_ids"]
    _approval_button_states = ("draft",)
    _protected_fields = ["state", "approved_by_id", "bill_id"]

    name = fields.Char(readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one("res.users", string="Rep", required=True, index=True)
    date_from = fields.Date(string="Period Start", required=True)
    date_to = fields.Date(string="Period End", required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "sales.commission.line", "settlement_id", string="Commission Lines"
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    bill_id = fields.Many2one("account.move", string="Vendor Bill", readonly=True)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        totals = {
            settlement.id: amount
            for settlement, amount in self.env["sales.commission.line"]._read_group(
                [("settlement_id", "in", self.ids)],
                ["settlement_id"],
                ["amount:sum"],
            )
        }
        for settlement in self:
            settlement.amount_total = totals.get(settlement.id, 0.0)

    @api.constrains("user_id", "date_from", "date_to", "state", "company_id")
    def _check_period_settled_once(self):
        for settlement in self:
            if settlement.date_to < settlement.date_from:
                raise ValidationError(
                    self.env._(
                        "The period of settlement %(settlement)s ends before it "
                        "starts. Set a period end after its start.",
                        settlement=settlement.name,
                    )
                )
        active = self.filtered(lambda s: s.state != "cancel")
        if not active:
            return
        # plain SQL on the other rows: a search would first flush this write
        # and hit the database index below before a clear message is shown
        self.env.cr.execute(
            SQL(
                """
            SELECT s.id, s.user_id, s.company_id, s.date_from, s.date_to
              FROM sales_commission_settlement s
             WHERE s.id != ALL(%(ids)s) AND s.state != 'cancel'
               AND s.user_id = ANY(%(users)s) AND s.company_id = ANY(%(companies)s)
                """,
                ids=active.ids,
                users=active.user_id.ids,
                companies=active.company_id.ids,
            )
        )
        others = self.env.cr.fetchall()
        for settlement in active:
            for other_id, user_id, company_id, date_from, date_to in others:
                if (
                    user_id == settlement.user_id.id
                    and company_id == settlement.company_id.id
                    and date_from <= settlement.date_to
                    and date_to >= settlement.date_from
                ):
                    raise self.browse(other_id)._period_settled_error(
                        settlement.date_from
                    )

    def _period_settled_error(self, date_from):
        return ValidationError(
            self.env._(
                "The period starting %(start)s of %(rep)s is already settled "
                "in %(settlement)s (%(period_start)s - %(period_end)s; policy "
                "clause SP-COM-06). Cancel that settlement to settle the "
                "period again.",
                start=date_from,
                rep=self.user_id.name,
                settlement=self.name,
                period_start=self.date_from,
                period_end=self.date_to,
            )
        )

    def init(self):
        # the same rule under concurrency: one open settlement per rep and start
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sales_commission_settlement_period_uniq "
                "ON sales_commission_settlement (company_id, user_id, date_from) "
                "WHERE state != 'cancel'"
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        # one sequence lookup for the whole batch (next_by_code searches each time)
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "sales.commission.settlement"),
                    ("company_id", "in", [self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence._next() if sequence else "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and PERIOD_FIELDS & set(vals):
            self._check_period_open()
        return super().write(vals)

    def _check_period_open(self):
        """A settled rep or period changes only while in draft."""
        frozen = self.filtered(lambda s: s.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "Settlement %(settlement)s is no longer a draft: its rep, "
                    "company and period cannot change (policy clause "
                    "SP-COM-06). Cancel it and settle the period again.",
                    settlement=frozen[:1].name,
                )
            )

    def _protected_refusal(self, names):
        return UserError(
            self.env._(
                "The state of a commission settlement changes only through "
                "its buttons (Request Approval, Create Vendor Bill, Cancel; "
                "policy clause SP-COM-06). Use those buttons instead of "
                "editing the state, the approver or the bill.",
            )
        )

    # --- approval engine --------------------------------------------------------
    def _get_approval_fingerprint_data(self):
        # what is paid: each line and its amount (a corrected line re-opens
        # review)
        result = super()._get_approval_fingerprint_data()
        for settlement in self:
            result[settlement.id].append(
                sorted((line.id, line.amount) for line in settlement.sudo().line_ids)
            )
        return result

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: refused to users no request waits for."""
        if not self._approval_my_pending_requests():
            raise AccessError(
                self.env._(
                    "Only the approvers of commission settlements (a sales "
                    "manager) decide them (policy clause SP-COM-06); no request "
                    "of %(settlements)s waits for your decision.",
                    settlements=", ".join(self.mapped("display_name")),
                )
            )
        return super()._approval_decide_mine(decision)

    def _approval_on_decision(self, requests, decision):
        """An approval moves the drafts every rule has approved to approved."""
        res = super()._approval_on_decision(requests, decision)
        if decision != "approved":
            return res
        drafts = self.filtered(lambda s: s.state == "draft")
        status = drafts._approval_status_by_record("bill_commission")
        ready = drafts.filtered(
            lambda s: status.get(s.id, ("none",))[0] in ("none", "approved")
        )
        # the engine's decision is the right: approvers need no write access
        ready.sudo()._transition({"state": "approved", "approved_by_id": self.env.uid})
        return res

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager approves and pays commission "
                    "settlements (policy clause SP-COM-06)."
                )
            )

    def _check_state(self, allowed):
        wrong = self.filtered(lambda s: s.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "Settlement %(settlement)s is %(state)s; this step is not "
                    "possible in that state.",
                    settlement=wrong[:1].name,
                    state=dict(self._fields["state"].selection)[wrong[:1].state],
                )
            )

    @public_arguments
    def action_pay(self):
        """Create a vendor bill to each rep's partner and mark paid.

        Approved settlements; drafts only when no approval rule applies.
        """
        self._check_manager()
        self._check_state(("draft", "approved"))
        self._approval_check("bill_commission")
        bills = (
            self.env["account.move"]
            .sudo()
            .create([settlement._prepare_bill_vals() for settlement in self])
        )
        for settlement, bill in zip(self, bills, strict=True):
            settlement._transition({"state": "paid", "bill_id": bill.id})
        return True

    def _prepare_bill_vals(self):
        self.ensure_one()
        return {
            "move_type": "in_invoice",
            "company_id": self.company_id.id,
            "partner_id": self.user_id.partner_id.id,
            "invoice_date": self.date_to,
            "ref": self.name,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": self.env._(
                            "Commission %(settlement)s (%(start)s - %(end)s)",
                            settlement=self.name,
                            start=self.date_from,
                            end=self.date_to,
                        ),
                        "quantity": 1.0,
                        "price_unit": self.amount_total,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    @public_arguments
    def action_cancel(self):
        """Release the lines so that the period can be settled again."""
        self._check_manager()
        self._check_state(("draft", "approved"))
        # withdrawn: nobody decides a cancelled settlement
        self._approval_requests(states=("pending", "approved"))._mark_outdated()
        self._transition({"state": "cancel"})
        self.line_ids.sudo().write({"settlement_id": False})
        return True

    @public_arguments(one=True)
    def action_view_bill(self):
        self.ensure_one()
        return self.bill_id._get_records_action(name=self.env._("Vendor Bill"))

    @public_arguments(one=True)
    def action_statement(self):
        self.ensure_one()
        wizard = self.env["sales.commission.statement.wizard"].create(
            {"settlement_id": self.id}
        )
        return wizard.action_export()

    @api.model
    def _settle_eligible_sql(self, company, date_to, users=None):
        """Condition on ``sales_commission_line l``: unsettled lines of
        ``company`` dated up to ``date_to``, except those of invoices that
        were overdue at ``date_to`` and are not fully paid yet, when the
        line's plan holds overdue invoices (policy clause SP-COM-09)."""
        return SQL(
            """
            l.company_id = %(company)s AND l.settlement_id IS NULL
            AND l.date <= %(date_to)s
            AND (%(no_users)s OR l.user_id = ANY(%(users)s))
            AND NOT EXISTS (
                SELECT 1
                  FROM account_move m
                  JOIN sales_commission_plan p ON p.id = l.plan_id
                 WHERE m.id = l.move_id AND p.hold_overdue
                   AND l.basis IN ('invoiced', 'margin')
                   AND m.move_type = 'out_invoice'
                   AND m.invoice_date_due < %(date_to)s
                   AND m.amount_residual > 0)
            """,
            company=company.id,
            date_to=date_to,
            no_users=not users,
            users=users.ids if users else [],
        )

    @api.model
    def _settle(self, date_from, date_to, company, users=None):
        """Settlements of ``company`` for every rep with unsettled lines dated
        up to ``date_to`` (late lines of earlier periods included)."""
        eligible = self._settle_eligible_sql(company, date_to, users)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT l.user_id FROM sales_commission_line l WHERE %s"
                " ORDER BY l.user_id",
                eligible,
            )
        )
        reps = self.env["res.users"].browse([row[0] for row in self.env.cr.fetchall()])
        if not reps:
            raise UserError(
                self.env._(
                    "There is no commission to settle up to %(date)s (lines of "
                    "overdue unpaid invoices are held until paid). Generate "
                    "the commission lines first.",
                    date=date_to,
                )
            )
        clash = self.search(
            [
                ("company_id", "=", company.id),
                ("user_id", "in", reps.ids),
                ("state", "!=", "cancel"),
                ("date_from", "<=", date_to),
                ("date_to", ">=", date_from),
            ],
            limit=1,
        )
        if clash:
            raise clash._period_settled_error(date_from)
        settlements = self.create(
            [
                {
                    "company_id": company.id,
                    "user_id": user.id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
                for user in reps
            ]
        )
        by_user = {s.user_id.id: s.id for s in settlements}
        self.env.flush_all()
        # one UPDATE for all reps: set-based and without loading the lines
        self.env.cr.execute(
            SQL(
                """
            UPDATE sales_commission_line l
               SET settlement_id = s.id
              FROM sales_commission_settlement s
             WHERE s.id = ANY(%(settlements)s) AND l.user_id = s.user_id
               AND %(eligible)s
                """,
                settlements=list(by_user.values()),
                eligible=eligible,
            )
        )
        self.env["sales.commission.line"].invalidate_model(["settlement_id"])
        settlements.invalidate_recordset(["line_ids"])
        self.env.add_to_compute(self._fields["amount_total"], settlements)
        return settlements
