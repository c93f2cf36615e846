/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_customer_dev_visit_tour", {
    url: "/odoo/action-sales_customer_dev.sales_visit_plan_action",
    steps: () => [
        {
            content: "Create this week's visit plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Add a planned visit",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='partner_id'] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Customer Works')",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='purpose'] input",
            run: "edit Present the samples",
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
            content: "Report the planned visit",
            trigger: ".o_data_row button[name='action_report_visit']",
            run: "click",
        },
        {
            content: "Record the outcome",
            trigger: ".o_form_view .o_field_widget[name='outcome'] textarea",
            run: "edit Samples approved",
        },
        {
            content: "Rate the customer's satisfaction",
            trigger: ".o_form_view .o_field_widget[name='satisfaction'] input[data-value='4']",
            run: "click",
        },
        {
            content: "Mark the visit done",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_done']",
            run: "click",
        },
        {
            content: "The report is done",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
