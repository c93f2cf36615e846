# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.sales_complaint.tests.common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintLot(SalesComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.calcite = Product.create(
            {"name": "Calcite 800 mesh", "is_storable": True, "tracking": "lot"}
        )
        cls.talc = Product.create(
            {"name": "Talc 1250 mesh", "is_storable": True, "tracking": "lot"}
        )
        Lot = cls.env["stock.lot"]
        cls.calcite_lot = Lot.create(
            {"name": "CC-2611-07", "product_id": cls.calcite.id}
        )
        cls.talc_lot = Lot.create({"name": "TC-2611-02", "product_id": cls.talc.id})

    def test_complaint_names_a_lot_of_its_product(self):
        claim = self._claim(product_id=self.calcite.id, lot_id=self.calcite_lot.id)
        self.assertRecordValues(
            claim, [{"lot_id": self.calcite_lot.id, "lot_name": "CC-2611-07"}]
        )
        # the rep (who registered it) does not read lots but sees the lot's name
        self.assertEqual(claim.env.user, self.rep)
        self.assertEqual(claim.lot_name, "CC-2611-07")

    def test_a_lot_without_product_sets_the_lots_product(self):
        claim = self._claim(lot_id=self.talc_lot.id)
        self.assertEqual(claim.product_id, self.talc)

    def test_a_lot_of_another_product_is_refused(self):
        # as the rep, who does not read lots: the check still runs, and says why
        with self.assertRaises(ValidationError) as refused:
            self._claim(product_id=self.calcite.id, lot_id=self.talc_lot.id)
        self.assertIn("not of the product", str(refused.exception))
        claim = self._claim(product_id=self.calcite.id, lot_id=self.calcite_lot.id)
        # assertRaises (Odoo's) rolls the refused write back, as a request would
        with self.assertRaises(ValidationError) as refused:
            claim.write({"lot_id": self.talc_lot.id})
        self.assertIn("not of the product", str(refused.exception))
        self.assertEqual(claim.lot_id, self.calcite_lot)
        with self.assertRaises(ValidationError) as refused:
            claim.write({"product_id": self.talc.id})
        self.assertIn("not of the product", str(refused.exception))
        self.assertEqual(claim.product_id, self.calcite)
