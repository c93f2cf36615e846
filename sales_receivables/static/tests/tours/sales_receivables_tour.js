/** @odoo-module **/

import { registry } from "@web/core/registry";

// An accountant plans this month's collections from Invoicing: a new plan,
// Generate from the open invoices due in the month, then plan vs actual per
// salesperson.
registry.category("web_tour.tours").add("sales_receivables_collection_plan_tour", {
    steps: () => [
        {
            content: "Create this month's collection plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Save the plan",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Generate the lines from the open invoices due in the month",
            trigger: ".o_form_statusbar button[name='action_generate']",
            run: "click",
        },
        {
            content: "The invoice due this month is planned",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Tour Receivables Customer')",
        },
        {
            content: "Open plan vs actual per salesperson",
            trigger: ".o_notebook .nav-link:contains('By Salesperson')",
            run: "click",
        },
        {
            content: "The owning rep has the planned amount",
            trigger: ".o_field_widget[name='rep_ids'] .o_data_row:contains('Tour Rep'):contains('1,000.00')",
        },
    ],
});
