# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.sale.controllers import portal


class CustomerPortal(portal.CustomerPortal):
    """The customer's pages of a quotation wait for the approvals of sending.

    The access token travels in links (an email, a copied URL, a chatter
    message): whoever holds it sees nothing of a quotation that may not be
    sent yet, nor signs, declines or downloads from it. Internal users keep
    their access.
    """

    def _sales_policy_hidden_order(self, order_id):
        if request.env.user._is_internal():
            return False
        order_sudo = request.env["sale.order"].sudo().browse(order_id).exists()
        return bool(order_sudo) and order_sudo._sales_policy_hidden_from_customer()

    @http.route()
    def portal_order_page(self, order_id, *args, **kwargs):
        if self._sales_policy_hidden_order(order_id):
            return request.redirect("/my")
        return super().portal_order_page(order_id, *args, **kwargs)

    @http.route()
    def portal_quote_decline(self, order_id, *args, **kwargs):
        if self._sales_policy_hidden_order(order_id):
            return request.redirect("/my")
        return super().portal_quote_decline(order_id, *args, **kwargs)

    @http.route()
    def portal_quote_document(self, order_id, *args, **kwargs):
        if self._sales_policy_hidden_order(order_id):
            return request.redirect("/my")
        return super().portal_quote_document(order_id, *args, **kwargs)
