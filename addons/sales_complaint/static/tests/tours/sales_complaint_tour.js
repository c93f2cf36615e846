/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_complaint_flow_tour", {
    url: "/odoo/action-sales_complaint.crm_claim_action",
    steps: () => [
        {
            content: "The complaint that arrived by email is in the list",
            trigger: ".o_data_row:contains('Tour short delivery') .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "Route it to its rep and department",
            trigger: ".o_form_view button[name='action_route']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Routed')",
        },
        {
            content: "Answer the customer",
            trigger: ".o_form_view button[name='action_respond']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Answered')",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Follow Up')",
            run: "click",
        },
        {
            content: "Write the resolution",
            trigger: ".o_field_widget[name='resolution'] textarea",
            run: "edit Twelve bags re-delivered free of charge.",
        },
        {
            trigger: ".o_form_view button[name='action_resolve']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Resolved')",
        },
        {
            content: "The customer confirms the resolution",
            trigger: ".o_form_view button[name='action_customer_confirm']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_close']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Closed')",
        },
        {
            content: "Revisit the customer",
            trigger: ".o_form_view button[name='action_open_revisit_wizard']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='score'] input[data-value='5']",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_notebook .nav-link:contains('Closing and Revisit')",
            run: "click",
        },
        {
            content: "The revisit is recorded",
            trigger: ".o_field_widget[name='revisit_score']:contains('5')",
        },
    ],
});
