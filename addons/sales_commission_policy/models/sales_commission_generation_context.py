# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the commission generation looks up, loaded once per run."""

import logging
from collections import defaultdict

from odoo.tools import SQL

from ..tools.commission_math import marginal_increment_sorted, prepare_tiers

_logger = logging.getLogger(__name__)

# How an invoice (or credit note) earns: once, at invoicing or at collection.
EARN_ON_INVOICE = "invoice"
EARN_ON_PAYMENT = "payment"


def _earning_mode(plan):
    return EARN_ON_PAYMENT if plan.base == "collected" else EARN_ON_INVOICE


class GenerationContext:
    """Everything the generation looks up, loaded once for all items.

    Runs in the generator's (superuser) environment: achievement, splits and
    grades are the same whoever started the run.
    """

    def __init__(self, env, plans, items):
        self.env = env
        self.plans = plans
        cr = env.cr
        move_ids = list({i["move_id"] for i in items})
        partner_ids = list({i["partner_id"] for i in items if i["partner_id"]})
        # splits (in id order) per invoice
        cr.execute(
            SQL(
                "SELECT move_id, user_id, percent FROM sales_commission_split"
                " WHERE move_id = ANY(%s) ORDER BY id",
                move_ids,
            )
        )
        self.splits = defaultdict(list)
        for move_id, user_id, percent in cr.fetchall():
            self.splits[move_id].append((user_id, percent))
        cr.execute(
            SQL(
                "SELECT id, sales_commission_owner_id, sales_grade FROM res_partner"
                " WHERE id = ANY(%s)",
                partner_ids,
            )
        )
        self.owners, self.grades = {}, {}
        for partner_id, owner_id, grade in cr.fetchall():
            self.owners[partner_id] = owner_id
            self.grades[partner_id] = grade
        categ_ids = list({i["categ_id"] for i in items if i["categ_id"]})
        cr.execute(
            SQL(
                "SELECT id, parent_path FROM product_category WHERE id = ANY(%s)",
                categ_ids,
            )
        )
        # closest category first
        self.categ_chain = {
            categ_id: [int(c) for c in reversed(path.strip("/").split("/"))]
            for categ_id, path in cr.fetchall()
        }
        self.rules = defaultdict(dict)
        for rule in plans.rule_ids:
            key = (rule.product_id.id, rule.product_categ_id.id, rule.sales_grade)
            self.rules[rule.plan_id.id][key] = (rule.id, rule.rate)
        self.targets = {
            (t.plan_id.id, t.user_id.id): t.amount for t in plans.target_ids
        }
        self.tiers = {}
        self.achieved = defaultdict(float)
        if plans.tier_ids:
            periods = list({i["date"].replace(day=1) for i in items})
            for plan, user, period, revenue in env["sales.commission.line"]._read_group(
                [
                    ("plan_id", "in", plans.tier_ids.plan_id.ids),
                    ("period_start", "in", periods),
                ],
                ["plan_id", "user_id", "period_start:day"],
                ["revenue_amount:sum"],
            ):
                self.achieved[(plan.id, user.id, period)] = revenue
        self._costs = {}
        if "margin" in plans.mapped("base"):
            products = env["product.product"].browse(
                list({i["product_id"] for i in items if i["product_id"]})
            )
            for company in plans.company_id:
                for product in products.with_company(company):
                    self._costs[(company.id, product.id)] = product.standard_price
        self._load_earning_modes(items)
        self._plan_cache = {}
        self._rule_cache = {}
        self._currencies = {}

    def _load_earning_modes(self, items):
        """How the invoices (and the invoices credit notes reverse) already
        earned, and the origin invoices' plan scope."""
        cr = self.env.cr
        origin_ids = list({i["reversed_entry_id"] for i in items} - {None, False})
        move_ids = list({i["move_id"] for i in items} | set(origin_ids))
        cr.execute(
            SQL(
                """SELECT move_id, bool_or(source_partial = 0)
                     FROM sales_commission_line
                    WHERE move_id = ANY(%s) AND bonus_id IS NULL
                 GROUP BY move_id""",
                move_ids,
            )
        )
        self.earned = {
            move_id: EARN_ON_INVOICE if on_invoice else EARN_ON_PAYMENT
            for move_id, on_invoice in cr.fetchall()
        }
        cr.execute(
            SQL(
                "SELECT id, company_id, team_id, invoice_date FROM account_move"
                " WHERE id = ANY(%s)",
                origin_ids,
            )
        )
        self.origins = {row[0]: row[1:] for row in cr.fetchall()}
        self._modes = {}

    def currency(self, company_id):
        """``(currency id, rounding)`` of the company."""
        if company_id not in self._currencies:
            currency = self.env["res.company"].browse(company_id).currency_id
            self._currencies[company_id] = (currency.id, currency.rounding)
        return self._currencies[company_id]

    def plan_at(self, company_id, team_id, date):
        """The team's plan, else the company-wide plan, valid on ``date``."""
        key = (company_id, team_id, date)
        if key not in self._plan_cache:
            found = False
            for scope_team_id in (team_id, False) if date else ():
                for plan in self.plans:
                    if (
                        plan.company_id.id == company_id
                        and plan.team_id.id == (scope_team_id or False)
                        and plan.date_from <= date
                        and (not plan.date_to or date <= plan.date_to)
                    ):
                        found = plan
                        break
                if found:
                    break
            self._plan_cache[key] = found
        return self._plan_cache[key]

    def earning_mode(self, item):
        """How the item's invoice earns: once it earned, as it did; else as
        the plan in force on its date says (a credit note: its invoice's)."""
        move_id = item["move_id"]
        if move_id not in self._modes:
            mode = self.earned.get(move_id)
            origin_id = item["reversed_entry_id"]
            if not mode and origin_id:
                mode = self.earned.get(origin_id)
                if not mode and origin_id in self.origins:
                    plan = self.plan_at(*self.origins[origin_id])
                    mode = plan and _earning_mode(plan)
            if not mode:
                plan = self.plan_at(
                    item["company_id"], item["team_id"], item["invoice_date"]
                )
                mode = plan and _earning_mode(plan)
            self._modes[move_id] = mode or None
        return self._modes[move_id]

    def plan_for(self, item):
        """``(plan, basis)`` the item earns under, or ``(False, None)``.

        An invoice earns once, on one basis (policy clause SP-COM-01): when
        posted if the plan in force on its date pays on invoices (or margin),
        when collected if it pays on collection, and it keeps earning that
        way whatever the plans do later. A payment earns under the plan in
        force when it was received if that plan pays on collection, else
        under the plan the invoice was sold under.
        """
        mode = self.earning_mode(item)
        company_id, team_id = item["company_id"], item["team_id"]
        plan = self.plan_at(company_id, team_id, item["date"])
        if not item["source_partial"]:
            if mode != EARN_ON_INVOICE or not plan:
                return False, None
            return plan, plan.base if plan.base != "collected" else "invoiced"
        if mode == EARN_ON_INVOICE:
            return False, None
        if plan and plan.base == "collected":
            return plan, "collected"
        if mode == EARN_ON_PAYMENT:
            plan = self.plan_at(company_id, team_id, item["invoice_date"]) or plan
            return (plan, "collected") if plan else (False, None)
        return False, None

    def reps_for(self, item):
        """``[(user_id, percent)]``: the invoice's split, else the owner."""
        splits = self.splits.get(item["move_id"])
        if splits:
            if abs(sum(p for _u, p in splits) - 100.0) > 0.005:
                _logger.warning(
                    "Invoice %s: commission split does not sum to 100 %%, skipped",
                    item["name"],
                )
                return []
            return splits
        owner = self.owners.get(item["partner_id"]) or item["invoice_user_id"]
        return [(owner, 100.0)] if owner else []

    def rule_for(self, plan, item, grade):
        """Most specific rule: product, closest category, then grade."""
        key = (plan.id, item["product_id"], item["categ_id"], grade)
        if key not in self._rule_cache:
            rules = self.rules.get(plan.id, {})
            candidates = []
            if item["product_id"]:
                candidates.append((item["product_id"], False))
            for categ_id in self.categ_chain.get(item["categ_id"], []):
                candidates.append((False, categ_id))
            candidates.append((False, False))
            found = (False, 0.0)
            for product_id, categ_id in candidates:
                for grade_key in (grade or None, None):
                    hit = rules.get((product_id, categ_id, grade_key or False))
                    if hit:
                        found = hit
                        break
                if found[0]:
                    break
            self._rule_cache[key] = found
        return self._rule_cache[key]

    def cost(self, item):
        cost = self._costs.get((item["company_id"], item["product_id"]), 0.0)
        # a credit note's quantity is positive while its revenue is negative
        sign = -1.0 if item["move_type"] == "out_refund" else 1.0
        return sign * cost * item["quantity"]

    def tier_increment(self, plan, user_id, period, amount):
        """Extra commission of the achievement tiers for ``amount`` more."""
        tiers_key = (plan.id, user_id)
        if tiers_key not in self.tiers:
            target = self.targets.get(tiers_key)
            self.tiers[tiers_key] = (
                prepare_tiers(plan._tiers_for_target(target)) if target else []
            )
        tiers = self.tiers[tiers_key]
        if not tiers:
            return 0.0
        key = (plan.id, user_id, period)
        before = self.achieved[key]
        self.achieved[key] = before + amount
        return marginal_increment_sorted(before, amount, tiers)
