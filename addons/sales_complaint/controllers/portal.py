# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints on the customer portal: list, detail and a form to file one.

A portal user reads the complaints of their own company only (record rule
``crm_claim_rule_portal``); every read below runs as the portal user, and a
complaint they may not read is answered with 404.
"""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager

CATEGORY_KEYS = ("quality", "delivery", "service", "billing", "other")


class ComplaintPortal(CustomerPortal):
    def _complaint_domain(self):
        partner = request.env.user.partner_id
        return [("partner_id", "child_of", [partner.commercial_partner_id.id])]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Claim = request.env["crm.claim"]
            values["complaint_count"] = (
                Claim.search_count(self._complaint_domain())
                if Claim.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, **kw):
        Claim = request.env["crm.claim"]
        domain = self._complaint_domain()
        count = Claim.search_count(domain)
        page_pager = pager(
            url="/my/complaints", total=count, page=page, step=self._items_per_page
        )
        claims = Claim.search(
            domain,
            order="date desc, id desc",
            limit=self._items_per_page,
            offset=page_pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "claims": claims.sudo(),
                "page_name": "complaint",
                "pager": page_pager,
                "default_url": "/my/complaints",
            }
        )
        return request.render("sales_complaint.portal_my_complaints", values)

    @http.route(
        ["/my/complaints/<int:claim_id>"], type="http", auth="user", website=True
    )
    def portal_my_complaint(self, claim_id, **kw):
        claim = request.env["crm.claim"].browse(claim_id)
        try:
            claim.check_access("read")
            claim.read(["name"])
        except (AccessError, MissingError):
            return request.not_found()
        values = self._prepare_portal_layout_values()
        # read as the portal user above; rendered with the related names (rep, team)
        values.update({"claim": claim.sudo(), "page_name": "complaint"})
        return request.render("sales_complaint.portal_my_complaint", values)

    @http.route(
        ["/my/complaints/new"], type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_new_complaint(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "complaint", "error": kw.get("error")})
        return request.render("sales_complaint.portal_new_complaint", values)

    @http.route(
        ["/my/complaints/submit"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_submit_complaint(self, subject="", description="", category="", **kw):
        """File a complaint of the portal user's own company."""
        subject = (subject or "").strip()
        if not subject or not (description or "").strip():
            return request.redirect("/my/complaints/new?error=missing")
        if category not in CATEGORY_KEYS:
            category = "other"
        partner = request.env.user.partner_id
        commercial = partner.commercial_partner_id
        salesperson = commercial.user_id or partner.user_id
        # the portal user may not create claims: the values are fixed here
        claim = (
            request.env["crm.claim"]
            .sudo()
            .create(
                {
                    "name": subject[:200],
                    "description": description,
                    "complaint_category": category,
                    "partner_id": partner.id,
                    "user_id": salesperson.id,
                    "email_from": partner.email,
                    "intake_channel": "portal",
                    "company_id": partner.company_id.id or request.env.company.id,
                }
            )
        )
        return request.redirect(f"/my/complaints/{claim.id}")
