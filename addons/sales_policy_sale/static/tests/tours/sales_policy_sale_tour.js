/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("sales_policy_sale_submit", {
    steps: () => [
        {
            content: "The quotation needs approval before it goes further",
            trigger: ".o_form_view .o_field_widget[name='approval_status']:contains('To Submit')",
        },
        {
            content: "Submit the quotation for approval",
            trigger: ".o_form_view button[name='action_request_approval']",
            run: "click",
        },
        {
            content: "It now waits for the approvers",
            trigger: ".o_form_view .o_field_widget[name='approval_status']:contains('Waiting for Approval')",
        },
    ],
});

registry.category("web_tour.tours").add("sales_policy_sale_approve", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales Policy app",
            trigger: ".o_app[data-menu-xmlid='sales_policy_base.sales_policy_menu_root']",
            run: "click",
        },
        {
            content: "Open Approvals > My Approvals",
            trigger: ".o_main_navbar button:contains('Approvals')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('My Approvals')",
            run: "click",
        },
        {
            content: "Open the request of the tour customer's quotation",
            trigger: ".o_list_view .o_data_row td[name='rule_id']:contains('Quotation reviewed by a sales manager')",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "The request is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});

registry.category("web_tour.tours").add("sales_policy_sale_confirm", {
    steps: () => [
        {
            content: "The quotation is approved",
            trigger: ".o_form_view .o_field_widget[name='approval_status']:contains('Approved')",
        },
        {
            content: "Confirm the order",
            trigger: ".o_form_view .o_form_statusbar button[name='action_confirm']:visible",
            run: "click",
        },
        {
            content: "The order is confirmed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Sales Order')",
        },
    ],
});
