# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import models

from ..models.res_partner import CREDIT_FIELDS, MERGING_PARTNERS, REASON_KEY
from ..tools.credit_merge import stricter_credit_terms


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's Merge Contacts copies the values of the merged contacts onto the
    one kept, credit fields included, which the credit guard refuses to
    anyone but a sales manager. Merging is not a credit decision: for whoever
    may merge the contacts, the wizard's own copy of the credit and interest
    fields is dropped, the kept contact gets the stricter credit terms of the
    merged ones (per company) and the change is logged in its credit history.
    Only this server-side path marks the partners (per database cursor, in
    ``MERGING_PARTNERS``): no context key lets a write through."""

    _inherit = "base.partner.merge.automatic.wizard"

    @contextmanager
    def _sales_merge_scope(self, partners):
        marks = MERGING_PARTNERS.setdefault(self.env.cr, set())
        added = set(partners.ids) - marks
        marks.update(added)
        try:
            yield
        finally:
            marks.difference_update(added)

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].browse(partner_ids).exists()
        if len(partners) < 2:
            return super()._merge(partner_ids, dst_partner, extra_checks)
        # who may merge: Odoo's right to the wizard and to edit the contacts
        self.env["base.partner.merge.automatic.wizard"].check_access("create")
        partners.check_access("write")
        companies = self.env["res.company"].sudo().search([])
        merged = {
            company: stricter_credit_terms(
                [
                    {name: partner[name] for name in CREDIT_FIELDS}
                    for partner in partners.sudo().with_company(company)
                ]
            )
            for company in companies
        }
        # each partner's own terms per company before the merge: Odoo copies
        # the sources' company-specific values onto the kept contact by SQL,
        # which the credit history would otherwise miss
        before = {
            (partner.id, company.id): {
                name: partner.with_company(company)[name] for name in CREDIT_FIELDS
            }
            for company in companies
            for partner in partners.sudo()
        }
        names = ", ".join(partners.mapped("display_name"))
        with self._sales_merge_scope(partners):
            result = super()._merge(partner_ids, dst_partner, extra_checks)
        kept = partners.exists()
        if len(kept) == 1:
            reason = self.env._("Merged contacts: %(partners)s", partners=names)
            for company, terms in merged.items():
                partner = (
                    kept.sudo()
                    .with_company(company)
                    .with_context(**{REASON_KEY: reason})
                )
                old = before[(kept.id, company.id)]
                changes = {
                    name: value
                    for name, value in terms.items()
                    if (partner[name] or False) != (value or False)
                }
                copied = [
                    name
                    for name, value in terms.items()
                    if name not in changes and (old[name] or False) != (value or False)
                ]
                if changes:
                    # the merging user is kept in the history (sudo keeps uid)
                    partner.write(changes)
                if copied:
                    partner._log_sales_credit_changes(
                        {partner.id: {name: old[name] for name in copied}}, copied
                    )
        return result
