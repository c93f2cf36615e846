# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import threading

import odoo
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

WORKERS = 12


@tagged("post_install", "-at_install")
class TestShowroomConcurrentBooking(TransactionCase):
    """Many real transactions race for one unit: exactly one wins.

    The test transaction is invisible to other connections, so the fixtures
    are created and committed with a separate real cursor and removed again
    in a cleanup.
    """

    def _real_cursor(self):
        """A new connection with its own transaction, bound to this registry.

        The transaction is given the registry directly: looking it up by name
        would wait for the registry lock the test runner holds.
        """
        cr = odoo.sql_db.db_connect(self.env.cr.dbname).cursor()
        cr.transaction = odoo.api.Transaction(self.registry)
        return cr

    @contextlib.contextmanager
    def _real_env(self, uid=odoo.SUPERUSER_ID):
        cr = self._real_cursor()
        try:
            yield odoo.api.Environment(cr, uid, {})
            # Committing is the point: other connections must see the fixtures.
            cr.commit()  # pylint: disable=invalid-commit
        finally:
            cr.close()

    def setUp(self):
        super().setUp()
        with self._real_env() as env:
            company = env.ref("base.main_company")
            project = env["sales.showroom.project"].create(
                {"name": "Race Test Project", "company_id": company.id}
            )
            building = env["sales.showroom.building"].create(
                {"name": "Race Tower", "project_id": project.id}
            )
            unit = env["sales.showroom.unit"].create(
                {
                    "building_id": building.id,
                    "floor": 1,
                    "number": "R1",
                    "list_price": 500_000.0,
                }
            )
            partners = env["res.partner"].create(
                [{"name": f"Race Customer {index}"} for index in range(WORKERS)]
            )
            rep = env["res.users"].create(
                {
                    "name": "Race Rep",
                    "login": "sp_race_rep",
                    "company_id": company.id,
                    "company_ids": [odoo.Command.set(company.ids)],
                    "groups_id": [
                        odoo.Command.set(
                            [
                                env.ref("base.group_user").id,
                                env.ref("sales_policy_base.group_sales_policy_user").id,
                            ]
                        )
                    ],
                }
            )
            self.ids_ = {
                "project": project.id,
                "building": building.id,
                "unit": unit.id,
                "partners": partners.ids,
                "rep": rep.id,
            }
        self.addCleanup(self._remove_committed_fixtures)

    def _remove_committed_fixtures(self):
        ids = self.ids_
        with self._real_env() as env:
            env.cr.execute(
                "DELETE FROM sales_showroom_booking WHERE unit_id = %s", (ids["unit"],)
            )
            env["sales.showroom.unit"].browse(ids["unit"]).unlink()
            env["sales.showroom.project"].browse(ids["project"]).unlink()
            user = env["res.users"].browse(ids["rep"])
            user_partner = user.partner_id
            user.unlink()
            (env["res.partner"].browse(ids["partners"]) | user_partner).unlink()

    def _attempt(self, index, barrier, results):
        cr = self._real_cursor()
        barrier.wait(timeout=30)
        try:
            env = odoo.api.Environment(cr, self.ids_["rep"], {})
            unit = env["sales.showroom.unit"].browse(self.ids_["unit"])
            partner = env["res.partner"].browse(self.ids_["partners"][index])
            unit.hold(partner, 24)
            cr.commit()  # pylint: disable=invalid-commit
            results[index] = ("booked", None)
        except UserError as error:
            cr.rollback()
            results[index] = ("refused", str(error))
        except Exception as error:  # reported by the assertions below
            cr.rollback()
            results[index] = ("crashed", repr(error))
        finally:
            cr.close()

    def test_many_concurrent_holds_of_one_unit_book_it_exactly_once(self):
        barrier = threading.Barrier(WORKERS)
        results = [None] * WORKERS
        threads = [
            threading.Thread(
                target=self._attempt, args=(index, barrier, results), daemon=True
            )
            for index in range(WORKERS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(
            [thread for thread in threads if thread.is_alive()], "a worker hung"
        )
        outcomes = [outcome for outcome, _message in results]
        self.assertEqual(outcomes.count("booked"), 1, results)
        self.assertEqual(outcomes.count("refused"), WORKERS - 1, results)
        for outcome, message in results:
            if outcome == "refused":
                self.assertRegex(message, "being booked by someone else|cannot be held")
        # What the database holds, read with a fresh connection.
        with self._real_env() as env:
            env.cr.execute(
                "SELECT state, partner_id FROM sales_showroom_booking "
                "WHERE unit_id = %s",
                (self.ids_["unit"],),
            )
            rows = env.cr.fetchall()
            self.assertEqual(len(rows), 1, "no half-written booking is left")
            self.assertEqual(rows[0][0], "held")
            winner = results.index(("booked", None))
            self.assertEqual(rows[0][1], self.ids_["partners"][winner])
            env.cr.execute(
                "SELECT state FROM sales_showroom_unit WHERE id = %s",
                (self.ids_["unit"],),
            )
            self.assertEqual(env.cr.fetchone()[0], "held")
