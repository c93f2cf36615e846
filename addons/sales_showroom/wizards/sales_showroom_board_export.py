# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo import fields, models
from odoo.tools.misc import xlsxwriter

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..models.sales_showroom_unit import UNIT_STATES


class SalesShowroomBoardExport(models.TransientModel):
    """XLSX of the sales-control board: one row per unit, a sheet of totals."""

    _name = "sales.showroom.board.export"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Export the Showroom Sales-Control Board"

    project_id = fields.Many2one("sales.showroom.project")

    def _units(self):
        domain = [("project_id", "=", self.project_id.id)] if self.project_id else []
        return self.env["sales.showroom.unit"].search(domain)

    def _customer_names(self, units):
        """{unit id: customer name} of the booked units, safe for any reader.

        Customers can be confidential (a rep may not read a colleague's
        customers): the name shows when the user may read the customer or the
        booking is their own (the booking is read with the user's rights,
        then its customer's name as superuser); otherwise a placeholder.
        """
        Booking = self.env["sales.showroom.booking"]
        placeholder = self.env._("(confidential)")
        names = {
            unit.id: placeholder
            for unit in units
            if unit.state in Booking._ACTIVE_STATES
        }
        bookings = Booking.search(
            [("unit_id", "in", units.ids), ("state", "in", Booking._ACTIVE_STATES)]
        )
        readable = bookings.partner_id._filtered_access("read")
        for booking in bookings:
            if booking.partner_id in readable or booking.user_id == self.env.user:
                names[booking.unit_id.id] = booking.partner_id.sudo().name or ""
        return names

    def _build_workbook(self):
        units = self._units()
        customers = self._customer_names(units)
        states = dict(
            self.env["sales.showroom.unit"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        fills = {
            "available": "#C6EFCE",
            "held": "#FFEB9C",
            "subscribed": "#BDD7EE",
            "contracted": "#FFC7CE",
            "withheld": "#D9D9D9",
        }
        state_formats = {
            state: workbook.add_format({"bg_color": colour})
            for state, colour in fills.items()
        }
        sheet = workbook.add_worksheet(self.env._("Units"))
        headers = [
            self.env._("Project"),
            self.env._("Building"),
            self.env._("Floor"),
            self.env._("Unit"),
            self.env._("Area (m²)"),
            self.env._("List Price"),
            self.env._("State"),
            self.env._("Customer"),
        ]
        sheet.write_row(0, 0, headers, bold)
        for row, unit in enumerate(units, start=1):
            sheet.write(row, 0, unit.project_id.name or "")
            sheet.write(row, 1, unit.building_id.name or "")
            sheet.write(row, 2, unit.floor)
            sheet.write(row, 3, unit.number or "")
            sheet.write(row, 4, unit.area)
            sheet.write(row, 5, unit.list_price, money)
            sheet.write(row, 6, states[unit.state], state_formats[unit.state])
            sheet.write(row, 7, customers.get(unit.id, ""))
        totals = workbook.add_worksheet(self.env._("Totals"))
        totals.write_row(
            0,
            0,
            [self.env._("State"), self.env._("Units"), self.env._("List Value")],
            bold,
        )
        groups = {
            state: (count, value)
            for state, count, value in self.env["sales.showroom.unit"]._read_group(
                [("id", "in", units.ids)], ["state"], ["__count", "list_price:sum"]
            )
        }
        for row, (state, _label) in enumerate(UNIT_STATES, start=1):
            count, value = groups.get(state, (0, 0.0))
            totals.write(row, 0, states[state], state_formats[state])
            totals.write(row, 1, count)
            totals.write(row, 2, value, money)
        workbook.close()
        return output.getvalue()

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        return self._download_file(self._build_workbook(), "showroom_board.xlsx")
