# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One realistic record per guarded model, for the adversarial role matrix.

``FACTORIES`` maps a guarded model to ``factory(case)`` returning ``(record,
vals)``: the fixture (made as superuser, owned by the case's salesperson or
stock salesman where the model has an owner) and the values an attacker's
``create`` starts from (a second, valid record of the same kind, protected
fields at their defaults). A guarded model added to the suite needs a
factory here: ``test_every_guarded_model_has_a_factory`` lists the missing
ones.

Factories call ``case.fixture(model)`` for the records they depend on.
"""

from datetime import date, datetime, timedelta

from odoo import fields


def _simple(model, vals_fn):
    """A factory creating ``vals_fn(case, 0)`` as superuser; the attacker's
    create starts from ``vals_fn(case, 1)`` (another record, so unique keys
    do not collide)."""

    def factory(case):
        record = case.env[model].create(vals_fn(case, 0))
        return record, vals_fn(case, 1)

    return factory


def _monday(n):
    return date(2031, 1, 6) + timedelta(weeks=n)


def _qualification_vals(case, n):
    return {
        "name": f"Adversarial Licence {n}",
        "number": f"ADV-{n}",
        "issuer_id": case.issuer.id,
        "issue_date": fields.Date.to_string(date(2026, 1, 1)),
        "expiry_date": fields.Date.to_string(date(2032, 1, 1)),
        "custodian_id": case.manager_user.id,
        "location": "Safe A",
    }


def _qualification(case):
    # the fixture is an active certificate (loans and renewals start from one)
    record = case.env["sales.qualification"].create(
        dict(_qualification_vals(case, 0), state="active")
    )
    return record, _qualification_vals(case, 1)


def _spare_qualification(case):
    """A second certificate (reviews and evaluations of their own)."""
    return case.env["sales.qualification"].create(_qualification_vals(case, 2))


def sale_order_vals(case, user):
    # plain tuples: the values also travel over XML-RPC
    return {
        "partner_id": case.customer.id,
        "user_id": user.id,
        "order_line": [
            (
                0,
                0,
                {
                    "product_id": case.product.id,
                    "product_uom_qty": 2,
                    "price_unit": 100.0,
                    "tax_id": [(5, 0, 0)],
                },
            )
        ],
    }


def _sale_order(case):
    """The stock salesman's own quotation, submitted: a manager's request
    waits (the shipped rule: every quotation reviewed by a manager)."""
    owner = case.users["stock_salesman"]
    order = case.env["sale.order"].with_user(owner).create(sale_order_vals(case, owner))
    order.with_user(owner).action_request_approval()
    return order, sale_order_vals(case, owner)


def _approval_request(case):
    order = case.fixture("sale.order")
    request = order.sudo().approval_request_ids.filtered(
        lambda r: r.state == "pending"
    )[:1]
    vals = {
        "rule_id": request.rule_id.id,
        "res_model": "sale.order",
        "res_id": order.id,
        "res_name": order.display_name,
        "company_id": order.company_id.id,
        "requester_id": order.user_id.id,
        "fingerprint": request.fingerprint,
    }
    return request, vals


def _approval_rule(case):
    rule = case.env.ref("sales_policy_sale.approval_rule_quotation_manager")
    vals = {
        "name": "Adversarial rule",
        "model_id": case.env["ir.model"]._get_id("sale.order"),
        "action": "send",
        "approver_type": "group",
        "approver_group_id": case.env.ref(
            "sales_policy_base.group_sales_policy_manager"
        ).id,
        "approval_mode": "any",
    }
    return rule, vals


def _booking(case):
    Unit = case.env["sales.showroom.unit"]
    project = case.env["sales.showroom.project"].create(
        {"name": "Adversarial Gardens", "company_id": case.env.company.id}
    )
    building = case.env["sales.showroom.building"].create(
        {"name": "A1", "project_id": project.id}
    )
    unit, spare = Unit.create(
        [
            {
                "building_id": building.id,
                "floor": 1,
                "number": number,
                "area": 90.0,
                "list_price": 1_000_000.0,
            }
            for number in ("101", "102")
        ]
    )
    owner = case.users["salesperson"]
    booking = unit.with_user(owner).hold(case.customer)
    vals = {"unit_id": spare.id, "partner_id": case.customer.id, "user_id": owner.id}
    return booking, vals


def _duty_vals(case, n):
    return {
        "date": fields.Date.to_string(date(2031, 2, 3) + timedelta(days=n)),
        "user_id": case.users["salesperson"].id,
        "company_id": case.env.company.id,
    }


def _duty_swap(case):
    Duty = case.env["sales.showroom.duty"]
    duty, spare = Duty.create([_duty_vals(case, 0), _duty_vals(case, 1)])
    owner = case.users["salesperson"]
    swap = (
        case.env["sales.showroom.duty.swap"]
        .with_user(owner)
        .create({"duty_id": duty.id, "new_user_id": case.colleague.id})
    )
    return swap, {"duty_id": spare.id, "new_user_id": case.colleague.id}


def _bonus_vals(case, n):
    return {
        "name": f"Adversarial Project {n}",
        "company_id": case.env.company.id,
        "date": fields.Date.to_string(date(2026, 3, 15)),
        "amount": 2000.0,
        "beneficiary_ids": [
            (0, 0, {"user_id": case.users["salesperson"].id, "percent": 100})
        ],
    }


def _settlement_vals(case, n):
    start = date(2030, 1 + n, 1)
    return {
        "company_id": case.env.company.id,
        "user_id": case.users["salesperson"].id,
        "date_from": fields.Date.to_string(start),
        "date_to": fields.Date.to_string(start + timedelta(days=27)),
    }


def _settlement(case):
    # a draft vendor bill: what an attacker would link as the settlement's bill
    case.env["account.move"].create(
        {
            "move_type": "in_invoice",
            "partner_id": case.users["salesperson"].partner_id.id,
            "invoice_date": fields.Date.to_string(date(2030, 1, 31)),
        }
    )
    record = case.env["sales.commission.settlement"].create(_settlement_vals(case, 0))
    return record, _settlement_vals(case, 1)


def _lead_vals(case, n):
    return {
        "name": f"Adversarial Opportunity {n}",
        "partner_id": case.customer.id,
        "user_id": case.users["stock_salesman"].id,
        "expected_revenue": 5000.0,
    }


def _contact_plan_vals(case, n):
    return {
        "name": f"Adversarial objective {n}",
        "lead_id": case.fixture("crm.lead").id,
        "user_id": case.users["stock_salesman"].id,
    }


def _visit_plan_vals(case, n):
    return {
        "user_id": case.users["salesperson"].id,
        "week_start": fields.Date.to_string(_monday(n)),
    }


def _visit_plan_line_vals(case, n):
    return {
        "plan_id": case.fixture("sales.visit.plan").id,
        "partner_id": case.customer.id,
        "planned_date": fields.Date.to_string(_monday(0) + timedelta(days=n)),
    }


def _visit_report_vals(case, n):
    return {
        "partner_id": case.customer.id,
        "purpose": f"Adversarial visit {n}",
        "user_id": case.users["salesperson"].id,
    }


def _recovery_plan_vals(case, n):
    return {
        "partner_id": case.customer.id,
        "user_id": case.users["salesperson"].id,
        "reason": f"Lost to a competitor {n}",
    }


def _loan_vals(case, n):
    return {
        "qualification_id": case.fixture("sales.qualification").id,
        "borrower_id": case.users["salesperson"].id,
        "purpose": f"Tender {n}",
    }


def _evaluation_vals(case, n):
    return {
        "qualification_id": case.spare_qualification.id,
        "author_id": case.users["salesperson"].id,
        "legality": "Lawful",
        "market_demand": "Tenders need it",
        "value_assessment": "Pays back in a year",
    }


def _review_vals(case, n):
    return {
        "qualification_id": case.spare_qualification.id,
        "review_type": ("legal", "finance")[n],
    }


def _followup_vals(case, n):
    return {
        "order_id": case.fixture("sale.order").id,
        "user_id": case.users["stock_salesman"].id,
        "planned_date": fields.Date.to_string(date(2031, 3, 1) + timedelta(days=n)),
    }


def _emergency_vals(case, n):
    return {
        "name": f"Adversarial incident {n}",
        "description": "The certificate was seized",
        "responsible_id": case.users["salesperson"].id,
    }


def _legal_case_vals(case, n):
    return {
        "partner_id": case.customer.id,
        "user_id": case.users["salesperson"].id,
    }


def _collection_plan_vals(case, n):
    return {
        "company_id": case.env.company.id,
        "year": 2031,
        "month": str(1 + n),
    }


def _claim_vals(case, n):
    return {
        "name": f"Adversarial complaint {n}",
        "partner_id": case.customer.id,
        "user_id": case.users["salesperson"].id,
    }


def _suggestion_vals(case, n):
    return {
        "name": f"Adversarial suggestion {n}",
        "partner_id": case.customer.id,
        "content": f"Open the showroom on Sundays ({n}).",
    }


def _forecast_vals(case, n):
    # one forecast per rep and month: a different (future) month per record
    return {
        "user_id": case.users["salesperson"].id,
        "month": date(2031, 1 + n, 1).isoformat(),
        "note": f"Adversarial forecast {n}",
    }


def _appraisal_template(case):
    return case.env["sales.appraisal.template"].create(
        {
            "name": "Adversarial Template",
            "indicator_ids": [(0, 0, {"measure": "revenue", "weight": 100})],
            "band_ids": [
                (0, 0, {"achievement_from": 0, "score": 0}),
                (0, 0, {"achievement_from": 100, "score": 100}),
            ],
        }
    )


def _appraisal_vals(case, n, template):
    start = date(2031, 1 + n, 1)
    return {
        "company_id": case.env.company.id,
        "user_id": case.users["salesperson"].id,
        "template_id": template.id,
        "period_type": "month",
        "date_from": fields.Date.to_string(start),
        "date_to": fields.Date.to_string(date(2031, 2 + n, 1)),
    }


def _appraisal(case):
    # appraisals are created by the engine only (no create right for anyone):
    # the attacker's create is refused by the ACL whatever the values
    template = _appraisal_template(case)
    record = case.env["sales.appraisal"].create(
        dict(
            _appraisal_vals(case, 0, template),
            line_ids=[
                (
                    0,
                    0,
                    {
                        "measure": "revenue",
                        "weight": 100,
                        "target": 1000.0,
                        "actual": 800.0,
                    },
                )
            ],
        )
    )
    return record, _appraisal_vals(case, 1, template)


def _reward_penalty_vals(case, n):
    return {
        "company_id": case.env.company.id,
        "user_id": case.users["salesperson"].id,
        "kind": "penalty",
        "reason": f"Adversarial contract error {n}",
        "amount": 50.0,
        "date": fields.Date.to_string(date(2031, 3, 1 + n)),
    }


def _suspension(case):
    """A certificate suspended by hand whose resumption waits for a senior
    manager (its own active certificate: the shared fixture certificate stays
    active for the loans). The attacker's create starts from a second active
    certificate."""
    Qualification = case.env["sales.qualification"]
    suspended, spare = Qualification.create(
        [dict(_qualification_vals(case, n), state="active") for n in (3, 4)]
    )
    record = case.env["sales.qualification.suspension"].create(
        {
            "qualification_id": suspended.id,
            "reason": "Regional rules changed",
            "resume_note": "Officer hired",
        }
    )
    # its resumption waits for a senior manager: Approve is attacked on it
    record.with_user(case.manager_user).action_request_resume()
    return record, {
        "qualification_id": spare.id,
        "reason": "Adversarial suspension",
    }


def _policy_watch_vals(case, n):
    return {
        "name": f"Adversarial policy change {n}",
        "region": "Anhui",
        "company_id": case.env.company.id,
    }


def _problem_vals(case, n):
    return {
        "name": f"Adversarial problem {n}",
        "description": "Licence copy rejected by the customer",
        "owner_id": case.users["salesperson"].id,
        "company_id": case.env.company.id,
    }


def _execution_order(case, owner):
    """A quotation of ``owner`` (made as superuser; a delay or a hand-over
    only needs an order)."""
    return case.env["sale.order"].create(sale_order_vals(case, owner))


def _order_delay(case):
    """An open delay of the salesperson's own order; the attacker's create
    starts from an open delay of a second order of theirs (one open delay per
    order)."""
    owner = case.users["salesperson"]
    first, second = (_execution_order(case, owner) for _n in range(2))
    record = case.env["sales.order.delay"].create(
        {"order_id": first.id, "note": "Adversarial delay"}
    )
    return record, {"order_id": second.id, "note": "Adversarial delay 1"}


def _order_handover(case):
    """A hand-over line of the salesperson's order to the manager (made as
    superuser, as the confirmation makes it); nobody but the superuser
    creates them (ACL: read only)."""
    owner = case.users["salesperson"]
    first, second = (_execution_order(case, owner) for _n in range(2))
    recipient = case.manager_user
    record = case.env["sales.order.handover"].create(
        {"order_id": first.id, "department": "production", "user_id": recipient.id}
    )
    return record, {
        "order_id": second.id,
        "department": "logistics",
        "user_id": recipient.id,
    }


def _sample_request_vals(case, n):
    # a draft request of the salesperson with its full specification; the
    # fee waiver is asked so the approval engine has a pending rule to attack
    # (sample_fee rule of a B/C customer; an ungraded customer is charged)
    return {
        "partner_id": case.customer.id,
        "user_id": case.users["salesperson"].id,
        "kind": "sample",
        "shape": f"Adversarial disc {n}",
        "physical_properties": "Whiteness 95 %",
        "function": "Filler trial",
        "quantity": 5.0,
        "lead_time_days": 10,
        "requested_date": "2031-03-01",
        "estimated_cost": 100.0,
        "fee_waiver_requested": True,
    }


def _tender_vals(case, n):
    return {
        "title": f"Adversarial tender {n}",
        "partner_id": case.customer.id,
        "user_id": case.users["salesperson"].id,
        # plain strings: the values also travel over XML-RPC
        "deadline": (datetime(2031, 6, 2, 9, 0) + timedelta(days=n)).strftime(
            "%Y-%m-%d %H:%M:%S"
        ),
        "estimated_value": 5000.0 + n,
    }


def _contract_template_vals(case, n):
    # one active template per grade and company: a different grade per record
    return {
        "name": f"Adversarial Contract {n}",
        "class_type": "grade",
        "grade": ("a", "b", "c")[n],
    }


def _contract_version_vals(case, n):
    return {
        "template_id": case.fixture("sales.contract.template").id,
        "name": f"Adversarial Version {n}",
        "date_from": f"203{n}-01-01",
        "body": "<p>Adversarial clauses</p>",
    }


def _promotion_plan_vals(case, n):
    year = 2041 + n
    # plain tuples: the values also travel over XML-RPC
    return {
        "name": f"Adversarial Promotion {year}",
        "year": year,
        "campaign_ids": [
            (
                0,
                0,
                {
                    "name": f"Adversarial Fair {year}",
                    "date_start": f"{year}-03-01",
                    "date_end": f"{year}-03-05",
                    "budget": 1000.0,
                },
            )
        ],
    }


def _budget_team(case):
    user = case.users["salesperson"]
    team = user.sale_team_id
    if not team:
        team = case.env["crm.team"].create({"name": "Adversarial budget team"})
        case.env["crm.team.member"].create({"crm_team_id": team.id, "user_id": user.id})
    return team


def _expense_budget_vals(case, n):
    # one live budget per team, category and month: a different month each
    category = case.env.ref("sales_expense_budget.category_travel")
    return {
        "team_id": _budget_team(case).id,
        "month": date(2031, 1 + n, 1).isoformat(),
        "line_ids": [(0, 0, {"category_id": category.id, "amount": 100.0})],
    }


def _rep_employee(case):
    user = case.users["salesperson"]
    employee = case.env["hr.employee"].search([("user_id", "=", user.id)], limit=1)
    return employee or case.env["hr.employee"].create(
        {
            "name": user.name,
            "user_id": user.id,
            "work_email": "adversarial.rep@example.com",
        }
    )


def _expense_sheet_vals(case, n):
    employee = _rep_employee(case)
    expense = case.env["hr.expense"].create(
        {
            "name": f"Adversarial expense {n}",
            "employee_id": employee.id,
            "product_id": case.env.ref("hr_expense.expense_product_meal").id,
            "total_amount_currency": 10.0 + n,
            "date": date(2031, 1, 10).isoformat(),
        }
    )
    return {
        "name": f"Adversarial report {n}",
        "employee_id": employee.id,
        "expense_line_ids": [(6, 0, expense.ids)],
    }


FACTORIES = {
    "sale.order": _sale_order,
    "sales.policy.approval.request": _approval_request,
    "sales.policy.approval.rule": _approval_rule,
    "crm.lead": _simple("crm.lead", _lead_vals),
    "sales.contact.plan": _simple("sales.contact.plan", _contact_plan_vals),
    "sales.visit.plan": _simple("sales.visit.plan", _visit_plan_vals),
    "sales.visit.plan.line": _simple("sales.visit.plan.line", _visit_plan_line_vals),
    "sales.visit.report": _simple("sales.visit.report", _visit_report_vals),
    "sales.recovery.plan": _simple("sales.recovery.plan", _recovery_plan_vals),
    "sales.showroom.booking": _booking,
    "sales.showroom.duty.swap": _duty_swap,
    "sales.commission.bonus": _simple("sales.commission.bonus", _bonus_vals),
    "sales.commission.settlement": _settlement,
    "sales.qualification": _qualification,
    "sales.qualification.loan": _simple("sales.qualification.loan", _loan_vals),
    "sales.qualification.evaluation": _simple(
        "sales.qualification.evaluation", _evaluation_vals
    ),
    "sales.qualification.review": _simple("sales.qualification.review", _review_vals),
    "sales.qualification.followup": _simple(
        "sales.qualification.followup", _followup_vals
    ),
    "sales.qualification.emergency": _simple(
        "sales.qualification.emergency", _emergency_vals
    ),
    "sales.legal.case": _simple("sales.legal.case", _legal_case_vals),
    "sales.collection.plan": _simple("sales.collection.plan", _collection_plan_vals),
    "crm.claim": _simple("crm.claim", _claim_vals),
    "sales.forecast": _simple("sales.forecast", _forecast_vals),
    "sales.order.delay": _order_delay,
    "sales.order.handover": _order_handover,
    "sales.appraisal": _appraisal,
    "sales.reward.penalty": _simple("sales.reward.penalty", _reward_penalty_vals),
    "sales.qualification.suspension": _suspension,
    "sales.qualification.policy.watch": _simple(
        "sales.qualification.policy.watch", _policy_watch_vals
    ),
    "sales.qualification.problem": _simple(
        "sales.qualification.problem", _problem_vals
    ),
    "sales.customer.suggestion": _simple("sales.customer.suggestion", _suggestion_vals),
    "sales.sample.request": _simple("sales.sample.request", _sample_request_vals),
    "sales.tender": _simple("sales.tender", _tender_vals),
    "sales.contract.template": _simple(
        "sales.contract.template", _contract_template_vals
    ),
    "sales.contract.template.version": _simple(
        "sales.contract.template.version", _contract_version_vals
    ),
    "sales.promotion.plan": _simple("sales.promotion.plan", _promotion_plan_vals),
    "sales.expense.budget": _simple("sales.expense.budget", _expense_budget_vals),
    "hr.expense.sheet": _simple("hr.expense.sheet", _expense_sheet_vals),
}

#: guarded fields of the two engine models (they do not use the transition
#: mixin: the request's write refuses all but the comment, the rule is
#: configuration only policy administrators write)
ENGINE_GUARDED_FIELDS = {
    "sales.policy.approval.request": [
        "state",
        "decided_by_id",
        "decision_date",
        "approved_user_ids",
        "approver_ids",
        "inbox_user_ids",
        "fingerprint",
    ],
    "sales.policy.approval.rule": [
        "active",
        "approver_type",
        "approver_group_id",
        "approver_user_ids",
        "approver_field",
        "approval_mode",
        "domain",
        "amount_from",
    ],
}
