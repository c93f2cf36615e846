/** @odoo-module **/

import { registry } from "@web/core/registry";

// A sales manager opens a customer whose orders came in after the rep's
// visit, re-grades it now and reads the new grade and its history.
registry.category("web_tour.tours").add("sales_policy_suite_regrade_tour", {
    steps: () => [
        {
            content: "The customer is still graded C",
            trigger: ".o_form_view .o_field_widget[name='sales_grade'] .badge:contains('C')",
        },
        {
            content: "Re-grade the customer now",
            trigger: ".o_form_view .o_form_statusbar button[name='action_sales_regrade']",
            run: "click",
        },
        {
            content: "The orders made it an A-grade customer",
            trigger: ".o_form_view .o_field_widget[name='sales_grade'] .badge:contains('A')",
        },
        {
            content: "Open the Grade tab",
            trigger: ".o_notebook .nav-link:contains('Grade')",
            run: "click",
        },
        {
            content: "The history says the re-grading moved it from C to A",
            trigger: ".o_field_widget[name='sales_grade_history_ids'] .o_data_row:first-child:contains('Re-grade Now')",
        },
    ],
});
