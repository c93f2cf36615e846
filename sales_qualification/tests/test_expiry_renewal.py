# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from ..models.res_company import parse_followup_days
from ..models.sales_qualification import SalesQualification
from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestExpiryRenewal(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_qualification_warning_days": 90,
                "sales_qualification_final_warning_days": 30,
            }
        )
        cls.renewal_type = cls.env.ref("sales_qualification.mail_activity_type_renewal")

    def _renewal_tasks(self, qualification):
        return qualification.activity_ids.filtered(
            lambda a: a.activity_type_id == self.renewal_type
        )

    def test_cron_moves_certificates_along_the_warning_windows(self):
        far = self.active_qualification  # 365 days left
        soon = self._create_qualification("Soon", "S-1", days=60)
        very_soon = self._create_qualification("Very soon", "S-2", days=20)
        gone = self._create_qualification("Gone", "S-3", days=-1)
        self.Qualification._cron_update_expiry()
        self.assertRecordValues(
            far | soon | very_soon | gone,
            [
                {"state": "active", "warning_level": False},
                {"state": "expiring", "warning_level": "first"},
                {"state": "expiring", "warning_level": "final"},
                {"state": "expired", "warning_level": False},
            ],
        )
        self.assertEqual(len(self._renewal_tasks(soon)), 1)
        self.assertEqual(self._renewal_tasks(soon).user_id, self.manager)
        self.assertEqual(len(self._renewal_tasks(very_soon)), 2)
        self.assertFalse(self._renewal_tasks(far))
        # A second run on the same day adds nothing.
        self.Qualification._cron_update_expiry()
        self.assertEqual(len(self._renewal_tasks(soon)), 1)
        self.assertEqual(len(self._renewal_tasks(very_soon)), 2)

    def test_warning_window_follows_the_company_setting(self):
        soon = self._create_qualification("Soon", "S-1", days=60)
        self.company.write(
            {
                "sales_qualification_warning_days": 45,
                "sales_qualification_final_warning_days": 10,
            }
        )
        self.Qualification._cron_update_expiry()
        self.assertEqual(soon.state, "active")

    def test_cron_keeps_going_past_a_failing_certificate(self):
        bad = self._create_qualification("Bad", "B-1", days=-1)
        good = self._create_qualification("Good", "G-1", days=-1)
        original = SalesQualification._update_expiry_state

        def failing(record, today):
            if record == bad:
                raise ValueError("broken record")
            return original(record, today)

        with (
            patch.object(SalesQualification, "_update_expiry_state", failing),
            mute_logger("odoo.addons.sales_qualification.models.sales_qualification"),
        ):
            done = self.Qualification._cron_update_expiry()
        self.assertEqual(done, 1)
        self.assertRecordValues(bad | good, [{"state": "active"}, {"state": "expired"}])

    def test_renewal_creates_the_next_version_and_keeps_the_chain(self):
        old = self._create_qualification("Licence", "L-1", days=20)
        product = self.env["product.template"].create(
            {"name": "Service", "type": "service", "qualification_id": old.id}
        )
        self.Qualification._cron_update_expiry()
        self.assertEqual(old.state, "expiring")
        with self.assertRaisesRegex(UserError, "Only a sales manager"):
            old.with_user(self.rep).action_renew()
        action = old.with_user(self.manager).action_renew()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        wizard_form.number = "L-2"
        wizard_form.expiry_date = self.today + timedelta(days=1095)
        result = wizard_form.save().action_renew()
        new = self.Qualification.browse(result["res_id"])
        self.assertRecordValues(
            new,
            [
                {
                    "state": "under_review",
                    "version": 2,
                    "previous_version_id": old.id,
                    "name": "Licence",
                    "number": "L-2",
                }
            ],
        )
        self.assertEqual(old.next_version_id, new)
        self.assertEqual(old.state, "expiring", "valid until the renewal is approved")
        with self.assertRaisesRegex(UserError, "without a newer version"):
            old.with_user(self.manager).action_renew()
        self._approve_all_reviews(new)
        self.assertEqual(new.state, "active")
        self.assertEqual(old.state, "renewed")
        self.assertFalse(self._renewal_tasks(old))
        self.assertEqual(product.qualification_id, new)

    def test_manager_opens_the_expiry_calendar(self):
        expired = self._create_qualification("Gone", "S-3", days=-1, state="expired")
        in_review = self._create_qualification("New", "N-1", state="under_review")
        action = (
            self.env["ir.actions.actions"]
            .with_user(self.manager)
            ._for_xml_id("sales_qualification.sales_qualification_expiry_action")
        )
        self.assertEqual(action["view_mode"].split(",")[0], "calendar")
        Qualification = self.env[action["res_model"]].with_user(self.manager)
        result = Qualification.get_views(
            [*[tuple(view) for view in action["views"]], (False, "search")],
            {"action_id": action["id"], "load_filters": True},
        )
        calendar = result["views"]["calendar"]
        self.assertIn('date_start="expiry_date"', calendar["arch"])
        self.assertIn("expiry_date", result["models"]["sales.qualification"]["fields"])
        # What the calendar loads: live certificates, not those in review.
        domain = safe_eval(action["domain"])
        shown = Qualification.search_read(domain, ["name", "expiry_date", "state"])
        shown_ids = {row["id"] for row in shown}
        self.assertIn(self.active_qualification.id, shown_ids)
        self.assertIn(expired.id, shown_ids)
        self.assertNotIn(in_review.id, shown_ids)

    def test_certificates_in_review_cannot_be_renewed(self):
        reviewed = self._create_qualification("In review", "R-1", state="under_review")
        with self.assertRaisesRegex(UserError, "cannot be renewed"):
            reviewed.with_user(self.manager).action_renew()

    def test_settings_are_validated_and_reserved_to_administrators(self):
        with (
            self.assertRaisesRegex(ValidationError, "final expiry warning"),
            self.env.cr.savepoint(),
        ):
            self.company.sales_qualification_final_warning_days = 120
        with (
            self.assertRaisesRegex(ValidationError, "positive whole numbers"),
            self.env.cr.savepoint(),
        ):
            self.company.sales_qualification_followup_days = "30,abc"
        with (
            self.assertRaisesRegex(ValidationError, "positive whole numbers"),
            self.env.cr.savepoint(),
        ):
            self.company.sales_qualification_followup_days = "0,30"
        self.company.sales_qualification_followup_days = "90; 30"
        self.assertEqual(self.company._sales_qualification_followup_days(), [30, 90])
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager).create({})
        settings = (
            self.env["res.config.settings"]
            .with_user(self.policy_admin)
            .create({"sales_qualification_min_validity_days": 120})
        )
        settings.execute()
        self.assertEqual(self.company.sales_qualification_min_validity_days, 120)

    def test_parse_followup_days(self):
        self.assertEqual(parse_followup_days("30, 90,30"), [30, 90])
        self.assertEqual(parse_followup_days(""), [])
        with self.assertRaises(ValueError):
            parse_followup_days("-5")
