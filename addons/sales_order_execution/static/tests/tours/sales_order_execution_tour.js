/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_order_execution_confirm_tour", {
    steps: () => [
        {
            content: "Confirm the quotation (delivery date and incoterm agreed)",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Sales Order')",
        },
        {
            content: "The contract was handed over",
            trigger: ".o_notebook .nav-link:contains('Contract Hand-over')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='execution_handover_ids'] .o_data_row",
        },
    ],
});

registry.category("web_tour.tours").add("sales_order_execution_delay_tour", {
    steps: () => [
        {
            content: "The rep's late order is in the delays",
            trigger: ".o_data_row .o_data_cell[name='order_id']",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name='reason_id'] input",
            run: "edit Raw material",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Raw material shortage')",
            run: "click",
        },
        {
            content: "Close the delay",
            trigger: ".o_form_view button[name='action_close']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Closed')",
        },
    ],
});
