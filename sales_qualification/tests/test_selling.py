# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestSelling(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_qualification_min_validity_days": 90,
                "sales_qualification_followup_days": "30,90",
            }
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Grade II Building Service",
                "type": "service",
                "list_price": 1000.0,
                "qualification_id": cls.active_qualification.id,
            }
        )
        cls.plain_product = cls.env["product.product"].create(
            {"name": "Plain Consulting", "type": "service", "list_price": 100.0}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Customer Ltd"})
        cls.followup_type = cls.env.ref(
            "sales_qualification.mail_activity_type_followup"
        )

    def _order(self, product, user=None):
        user = user or self.rep
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        (0, 0, {"product_id": product.id, "product_uom_qty": 1})
                    ],
                }
            )
        )

    def test_rep_confirms_an_order_on_a_valid_qualification_and_gets_followups(self):
        order = self._order(self.service)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        followups = order.sudo().qualification_followup_ids.sorted("interval_days")
        base = order.date_order.date()
        self.assertRecordValues(
            followups,
            [
                {
                    "interval_days": 30,
                    "planned_date": base + timedelta(days=30),
                    "user_id": self.rep.id,
                    "state": "planned",
                },
                {
                    "interval_days": 90,
                    "planned_date": base + timedelta(days=90),
                    "user_id": self.rep.id,
                    "state": "planned",
                },
            ],
        )
        self.assertEqual(followups.qualification_ids, self.active_qualification)
        activities = followups.activity_ids
        self.assertEqual(activities.activity_type_id, self.followup_type)
        self.assertEqual(activities.user_id, self.rep)
        self.assertEqual(
            sorted(activities.mapped("date_deadline")),
            sorted(followups.mapped("planned_date")),
        )

    def test_orders_without_qualified_products_get_no_followups(self):
        order = self._order(self.plain_product)
        order.action_confirm()
        self.assertFalse(order.sudo().qualification_followup_ids)

    def test_confirming_on_a_qualification_expiring_too_soon_is_refused(self):
        # 365 days left >= 90 required by default; a product asking 400 refuses.
        self.service.qualification_min_days = 400
        order = self._order(self.service)
        with self.assertRaisesRegex(
            UserError,
            r"Grade II Building Service relies on the qualification Grade II "
            r"Contractor and only 365 days of validity are left, the minimum "
            r"is 400 days",
        ):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.service.qualification_min_days = 365
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_company_minimum_applies_without_a_product_override(self):
        short = self._create_qualification("Short", "SH-1", days=60)
        self.service.qualification_id = short
        order = self._order(self.service)
        with self.assertRaisesRegex(UserError, "the minimum is 90 days"):
            order.action_confirm()
        self.company.sales_qualification_min_validity_days = 60
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_confirming_on_a_qualification_not_active_is_refused(self):
        for state, label in (
            ("under_review", "Under Review"),
            ("expired", "Expired"),
            ("rejected", "Rejected"),
        ):
            qualification = self._create_qualification(state, f"N-{state}", state=state)
            self.service.qualification_id = qualification
            order = self._order(self.service)
            with self.assertRaisesRegex(UserError, f"the qualification is {label}"):
                order.action_confirm()

    def test_followup_needs_an_outcome_and_open_problems_need_notes(self):
        order = self._order(self.service)
        order.action_confirm()
        followup = order.sudo().qualification_followup_ids.sorted("interval_days")[0]
        followup = followup.with_user(self.rep)
        with (
            self.assertRaisesRegex(ValidationError, "Record the outcome"),
            self.env.cr.savepoint(),
        ):
            followup.action_done()
        # a rep's direct write of the state is refused outright; the outcome
        # rule holds whoever writes it (here the superuser)
        with (
            self.assertRaisesRegex(UserError, "change only through"),
            self.env.cr.savepoint(),
        ):
            followup.write({"state": "done"})
        with (
            self.assertRaisesRegex(ValidationError, "Record the outcome"),
            self.env.cr.savepoint(),
        ):
            followup.sudo().write({"state": "done"})
        followup.outcome = "issue_open"
        with (
            self.assertRaisesRegex(ValidationError, "Describe the open problem"),
            self.env.cr.savepoint(),
        ):
            followup.action_done()
        followup.note = "Site permit delayed; engineer visits next week."
        followup.action_done()
        self.assertRecordValues(followup, [{"state": "done", "done_date": self.today}])
        with self.assertRaisesRegex(UserError, "is not planned any more"):
            followup.action_done()
        self.assertFalse(
            followup.activity_ids.filtered(
                lambda a: a.activity_type_id == self.followup_type
            )
        )

    def test_rep_sees_only_own_followups(self):
        order = self._order(self.service)
        order.action_confirm()
        followups = order.sudo().qualification_followup_ids
        Followup = self.env["sales.qualification.followup"]
        self.assertEqual(Followup.with_user(self.rep).search([]), followups)
        self.assertFalse(Followup.with_user(self.rep_2).search([]))
        self.assertEqual(Followup.with_user(self.manager).search([]), followups)
        with self.assertRaises(AccessError):
            followups[0].with_user(self.rep_2).write({"outcome": "satisfied"})
