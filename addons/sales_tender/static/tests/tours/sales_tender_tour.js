/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_tender_decision_tour", {
    url: "/odoo/action-sales_tender.sales_tender_action",
    steps: () => [
        {
            content: "The tender waits for the manager's decision",
            trigger: ".o_kanban_record:contains('Tour tender')",
            run: "click",
        },
        {
            content: "Take part: approve the bid",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Bid')",
        },
    ],
});

registry.category("web_tour.tours").add("sales_tender_outcome_tour", {
    url: "/odoo/action-sales_tender.sales_tender_action",
    steps: () => [
        {
            content: "The submitted tender",
            trigger: ".o_kanban_record:contains('Tour tender')",
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Outcome')",
            run: "click",
        },
        {
            content: "The competitor who won",
            trigger: ".o_field_widget[name='winner_id'] input",
            run: "edit Rival Minerals",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Rival Minerals')",
            run: "click",
        },
        {
            content: "Its price",
            trigger: ".o_field_widget[name='result_line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='result_line_ids'] .o_selected_row [name='competitor_id'] input",
            run: "edit Rival Minerals",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Rival Minerals')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='result_line_ids'] .o_selected_row [name='product_id'] input",
            run: "edit Pump",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Pump')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='result_line_ids'] .o_selected_row [name='price_unit'] input",
            run: "edit 95",
        },
        {
            content: "We lost",
            trigger: ".o_form_view button[name='action_mark_lost']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Lost')",
        },
    ],
});
