# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

#: models whose mass mailings are marketing to customers, and how to reach the
#: customer of a record
MARKETING_PARTNER_PATHS = {"res.partner": None, "crm.lead": "partner_id"}


class MailComposeMessage(models.TransientModel):
    """Mass mailings to customers or opportunities go only to customers who
    gave their marketing consent (customer-data policy, clause SP-DEV-10).
    Transactional mail (a quotation, an invoice, a message on one record) is
    not concerned."""

    _inherit = "mail.compose.message"

    def _action_send_mail_mass_mail(self, res_ids, auto_commit=False):
        self._check_sales_marketing_consent(res_ids)
        return super()._action_send_mail_mass_mail(res_ids, auto_commit=auto_commit)

    def _check_sales_marketing_consent(self, res_ids):
        self.ensure_one()
        if self.model not in MARKETING_PARTNER_PATHS or not res_ids:
            return
        records = self.env[self.model].sudo().browse(res_ids)
        path = MARKETING_PARTNER_PATHS[self.model]
        refused = records.filtered(
            lambda record: not (record[path] if path else record)
            or (record[path] if path else record)._sales_without_marketing_consent()
        )
        if refused:
            raise UserError(
                self.env._(
                    "No marketing mail without the customer's consent "
                    "(customer-data policy, clause SP-DEV-10): %(records)s gave "
                    "no marketing consent. Record their consent on the "
                    "customer first, or leave them out of the mailing.",
                    records=", ".join(refused[:5].mapped("display_name")),
                )
            )
