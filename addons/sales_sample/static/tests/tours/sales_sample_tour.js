/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_sample_flow_tour", {
    steps: () => [
        {
            content: "Submit the request to R&D",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Submitted to R&D')",
        },
        {
            content: "R&D accepts it",
            trigger: ".o_form_view button[name='action_accept']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Accepted by R&D')",
        },
        {
            content: "R&D made it",
            trigger: ".o_form_view button[name='action_made']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Made')",
        },
        {
            content: "Send it to the customer",
            trigger: ".o_form_view button[name='action_send']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Sent')",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Feedback')",
            run: "click",
        },
        {
            content: "Write the customer's feedback",
            trigger: ".o_field_widget[name='feedback'] textarea",
            run: "edit Whiteness as agreed.",
        },
        {
            trigger: ".o_field_widget[name='feedback_result'] select",
            run: "select \"positive\"",
        },
        {
            content: "Record it",
            trigger: ".o_form_view button[name='action_feedback']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Feedback')",
        },
    ],
});
