/** @odoo-module **/

import { registry } from "@web/core/registry";

const BUDGETS = "/odoo/action-sales_expense_budget.sales_expense_budget_action";
const REPORTS = "/odoo/action-hr_expense.action_hr_expense_sheet_all";

registry.category("web_tour.tours").add("sales_expense_budget_approve_tour", {
    url: BUDGETS,
    steps: () => [
        {
            content: "The team's budget, submitted by another manager",
            trigger: ".o_data_row .o_data_cell:contains('Budget Team East 2026-06')",
            run: "click",
        },
        {
            content: "The approval engine waits for a sales manager",
            trigger: ".o_form_view .o_field_widget[name='approval_status']:contains('Waiting for Approval')",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Submitted')",
        },
        {
            content: "Approve the budget",
            trigger: ".o_form_view .o_form_statusbar button[name='action_approval_approve']",
            run: "click",
        },
        {
            content: "The budget is approved",
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Approved')",
        },
    ],
});

registry.category("web_tour.tours").add("sales_expense_budget_within_tour", {
    url: REPORTS,
    steps: () => [
        {
            content: "The rep's report within the remaining budget",
            trigger: ".o_data_row .o_data_cell:contains('Tour trip within budget')",
            run: "click",
        },
        {
            content: "No approval of the engine is needed",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_approval_approve']))",
        },
        {
            content: "The manager approves it in Expenses as usual",
            trigger: ".o_form_view .o_form_statusbar button[name='action_approve_expense_sheets']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Approved')",
        },
    ],
});

registry.category("web_tour.tours").add("sales_expense_budget_over_tour", {
    url: REPORTS,
    steps: () => [
        {
            content: "The rep's report over the remaining budget",
            trigger: ".o_data_row .o_data_cell:contains('Tour trip over budget')",
            run: "click",
        },
        {
            content: "It waits for the approval engine",
            trigger: ".o_form_view .o_field_widget[name='approval_status']:contains('Waiting for Approval')",
        },
        {
            trigger: ".o_form_view .alert-warning:contains('over the remaining budget')",
        },
        {
            content: "Approving it in Expenses is refused",
            trigger: ".o_form_view .o_form_statusbar button[name='action_approve_expense_sheets']",
            run: "click",
        },
        {
            trigger: ".modal .modal-body:contains('must approve it first')",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The report stays submitted",
            trigger: "body:not(:has(.modal)) .o_statusbar_status button[aria-checked='true']:contains('Submitted')",
        },
    ],
});
