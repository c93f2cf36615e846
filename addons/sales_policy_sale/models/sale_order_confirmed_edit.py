# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Edits of a confirmed order beyond the policy: refused, or reviewed.

Every check that judges an edit of a confirmed order (a price below its
floor, a discount over the editor's limit, ...) calls one door,
``sale.order._sales_policy_confirmed_edit_breach``. The company's setting
*Policy Edits on Confirmed Orders* decides what it does:

- ``refuse`` (default): the edit is refused with the check's own message;
- ``review``: the edit goes through, the breach is recorded on the order and
  the order is put under review through the approval engine (action
  ``confirmed_edit``, metric ``confirmed_edit_breach``). Until a reviewer
  approves the order as it is, it is neither invoiced nor delivered
  (``sales_policy_sale_stock``). Any further edit outdates that approval.

The block is computed, never stored: an order is blocked while one of its
recorded breaches still holds (the order is still outside the policy) and
the engine has no approval of the order as it is now. Bringing the order
back within the policy lifts it; so does an approval. The recorded breaches
are a protected field: only the door writes them.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .sale_order import CONFIRMED_STATES

#: the approval action and metric of the review (see sale_order.py)
REVIEW_ACTION = "confirmed_edit"
REVIEW_METRIC = "confirmed_edit_breach"
#: the clause of the review itself
REVIEW_CLAUSE = "sales_policy_sale.clause_approval_confirmed_edit"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    #: written only by the door (``_transition``), see the module docstring
    _protected_fields = ["sales_policy_edit_breaches"]

    sales_policy_edit_breaches = fields.Json(
        string="Policy Breaches After Confirmation",
        copy=False,
        readonly=True,
        help="Edits of the confirmed order beyond the policy that were let "
        "through for review (company setting), as the checks recorded them.",
    )
    sales_policy_edit_review = fields.Boolean(
        string="Edit Under Review",
        compute="_compute_sales_policy_edit_review",
        help="The confirmed order was edited beyond the policy: it is neither "
        "delivered nor invoiced until a reviewer approves it, or until it is "
        "back within the policy.",
    )

    @api.depends_context("uid")
    def _compute_sales_policy_edit_review(self):
        blocked = self._sales_policy_edit_review_blocked()
        for order in self:
            order.sales_policy_edit_review = order.id in blocked

    # --- the door ----------------------------------------------------------------
    def _sales_policy_confirmed_edit_breach(
        self, message, clause, error=UserError, breach=None
    ):
        """The one door of every check refusing an edit of a confirmed order.

        ``message``: the check's refusal (raised as ``error`` in the refuse
        mode); ``clause``: the xml id of the policy clause breached;
        ``breach``: how to tell later whether the breach still holds (a dict
        with a ``check`` key that ``_sales_policy_breach_holds`` knows; without
        it the breach holds until a review approves the order as it is).
        """
        self.ensure_one()
        company = self.company_id or self.env.company
        if (
            self.state not in CONFIRMED_STATES
            or company.sales_policy_confirmed_edit_mode != "review"
        ):
            raise error(message)
        clause_record = self.env.ref(clause, raise_if_not_found=False)
        code = clause_record.sudo().code if clause_record else clause
        entry = {**(breach or {}), "clause": code}
        # the breaches that no longer hold are dropped
        recorded = self._sales_policy_open_breaches().get(self.id, [])
        self.sudo()._transition(
            {
                "sales_policy_edit_breaches": [
                    *(old for old in recorded if old != entry),
                    entry,
                ]
            }
        )
        if not self._approval_applicable_rules(REVIEW_ACTION)[self.id]:
            # fail closed: nobody could review the edit (the whole edit is
            # rolled back with the refusal)
            raise error(message)
        self._approval_message(
            self.env._(
                "Edited beyond the policy after confirmation (clause "
                "%(clause)s): %(reason)s The order is neither delivered nor "
                "invoiced until the edit is approved or the order is back "
                "within the policy.",
                clause=code,
                reason=message,
            )
        )
        self._approval_submit(post_message=True, strict=False)

    # --- what still breaches the policy ------------------------------------------
    def _sales_policy_open_breaches(self):
        """{order id: [recorded breaches that still hold]} (confirmed orders)."""
        orders = self.filtered(
            lambda order: order.state in CONFIRMED_STATES
            and order.sales_policy_edit_breaches
            and isinstance(order.id, int)
        )
        if not orders:
            return {}
        pricing = self.env["sale.order.line"]._sales_policy_pricing_state(orders)
        result = {}
        for order in orders:
            holding = [
                breach
                for breach in order.sales_policy_edit_breaches
                if order._sales_policy_breach_holds(breach, *pricing[order.id])
            ]
            if holding:
                result[order.id] = holding
        return result

    def _sales_policy_breach_holds(self, breach, discount, verdicts):
        """Whether a recorded ``breach`` still holds; ``discount`` and
        ``verdicts`` are the order's pricing state (see
        ``sale.order.line._sales_policy_pricing_state``). A module recording
        its own kind of breach extends it."""
        self.ensure_one()
        check = breach.get("check")
        rounding = self.currency_id.rounding or 0.01
        if check == "floor":
            net, below = (verdicts or {}).get(breach.get("line"), (0.0, False))
            approved = breach.get("net")  # the price approved below the floor
            return below and (
                approved is None
                or float_compare(net, approved, precision_rounding=rounding) < 0
            )
        if check == "discount":
            return self._sales_policy_over(discount, breach)
        if check == "line_discount":
            line = self.order_line.filtered(lambda rec: rec.id == breach.get("line"))
            return bool(line) and self._sales_policy_over(line.discount, breach)
        return True

    @api.model
    def _sales_policy_over(self, discount, breach):
        """``discount`` is over the breach's limit and over what it was."""
        return all(
            float_compare(discount, breach.get(key) or 0.0, precision_digits=2) > 0
            for key in ("limit", "before")
        )

    # --- the block ---------------------------------------------------------------
    def _sales_policy_edit_review_blocked(self):
        """{order id: (breaches that hold, rules not approved)} of the orders
        blocked by a review of an edit after confirmation."""
        holding = self._sales_policy_open_breaches()
        if not holding:
            return {}
        orders = self.browse(list(holding))
        status = orders._approval_status_by_record(REVIEW_ACTION)
        blocked = {}
        for order in orders:
            state, missing, _count = status.get(order.id, ("none", [], 0))
            # no applicable rule ("none"): nobody approved it, still blocked
            if state != "approved":
                blocked[order.id] = (holding[order.id], missing)
        return blocked

    def _sales_policy_check_edit_review(self, step):
        """Refuse ``step`` (e.g. invoicing) for orders under review."""
        orders = self.sudo().filtered(lambda order: isinstance(order.id, int))
        blocked = orders._sales_policy_edit_review_blocked()
        if not blocked:
            return
        order = orders.browse(next(iter(blocked)))
        breaches, missing = blocked[order.id]
        clause = self.env.ref(REVIEW_CLAUSE, raise_if_not_found=False)
        raise UserError(
            self.env._(
                "%(step)s refused for %(order)s: it was edited beyond the policy "
                "after confirmation (clauses %(breaches)s) and the edit is not "
                "approved (%(rules)s; clause %(clause)s: an order edited beyond "
                "the policy is neither delivered nor invoiced before its review). "
                "Ask a sales manager to approve the edit, or bring the order back "
                "within the policy.",
                step=step,
                order=order.display_name,
                breaches=", ".join(
                    dict.fromkeys(str(b.get("clause")) for b in breaches)
                ),
                rules=", ".join(missing) or self.env._("no active review rule"),
                clause=clause.code if clause else REVIEW_CLAUSE,
            )
        )

    # --- the review ----------------------------------------------------------------
    def _approval_applicable_rules(self, action=None, snapshot=None, kind=None):
        result = super()._approval_applicable_rules(
            action=action, snapshot=snapshot, kind=kind
        )
        if action is None:
            # once confirmed, the quotation's approvals are history: only the
            # review of an edit is requested (and shown) on the order
            for order in self:
                rules = result.get(order.id)
                if rules and order.state in CONFIRMED_STATES:
                    result[order.id] = rules.filtered(
                        lambda rule: rule.action == REVIEW_ACTION
                    )
        return result

    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        if needed is None or REVIEW_METRIC in needed:
            holding = self._sales_policy_open_breaches()
            for order in self:
                result[order.id][REVIEW_METRIC] = order.id in holding
        return result

    def _sales_policy_refresh_edit_review(self):
        """Re-open the review of confirmed orders edited after it was
        requested or approved (any edit: the fingerprint covers the order)."""
        orders = self.filtered(
            lambda order: order.state in CONFIRMED_STATES
            and order.sales_policy_edit_breaches
            and isinstance(order.id, int)
        )
        if not orders:
            return
        requests = orders._approval_requests(states=("pending", "approved"))
        requests = requests.filtered(lambda request: request.action == REVIEW_ACTION)
        fingerprints = orders._approval_fingerprints()
        outdated = requests.filtered(
            lambda request: request.fingerprint != fingerprints.get(request.res_id)
        )
        outdated._mark_outdated()
        orders._approval_submit(post_message=False, strict=False)
        reopened = set(outdated.mapped("res_id")) & set(
            orders._sales_policy_open_breaches()
        )
        for order in orders.browse(reopened):
            order._approval_message(
                self.env._(
                    "Edited after the review of its edit beyond the policy: "
                    "review re-opened; the order is neither delivered nor "
                    "invoiced until it is approved again or back within the "
                    "policy."
                )
            )

    # --- the steps it blocks -------------------------------------------------------
    def _create_invoices(self, grouped=False, final=False, date=None):
        self._sales_policy_check_edit_review(self.env._("Invoicing"))
        return super()._create_invoices(grouped=grouped, final=final, date=date)
