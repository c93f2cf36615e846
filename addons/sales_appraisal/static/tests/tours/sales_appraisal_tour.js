/** @odoo-module **/

import { registry } from "@web/core/registry";

// The team leader reads the monthly scores the cron computed, scores the
// quarter's teamwork and attitude, comments and reviews it.
registry.category("web_tour.tours").add("sales_appraisal_review_tour", {
    url: "/odoo/action-sales_appraisal.sales_appraisal_action",
    steps: () => [
        {
            content: "The monthly scores are listed",
            trigger: ".o_list_view .o_data_row:contains('Month'):contains('Sp Rep')",
        },
        {
            content: "Open the rep's quarterly appraisal",
            trigger: ".o_list_view .o_data_row:contains('Quarter'):contains('Sp Rep') td[name='user_id']",
            run: "click",
        },
        {
            content: "Score the teamwork",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Teamwork') td[name='manager_score']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row.o_selected_row:contains('Teamwork') .o_field_widget[name='manager_score'] input",
            run: "edit 90",
        },
        {
            content: "Score the attitude",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Attitude') td[name='manager_score']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row.o_selected_row:contains('Attitude') .o_field_widget[name='manager_score'] input",
            run: "edit 80",
        },
        {
            content: "Open the review page",
            trigger: ".o_notebook a[name='review']",
            run: "click",
        },
        {
            content: "Write the manager's comments",
            trigger: ".o_field_widget[name='manager_comment'] textarea",
            run: "edit Good quarter; visit more new prospects.",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Review the quarter",
            trigger: ".o_statusbar_buttons button[name='action_review']",
            run: "click",
        },
        {
            content: "The quarter is reviewed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Reviewed')",
        },
    ],
});

// The rep reads the reviewed quarter in their own appraisals and acknowledges it.
registry.category("web_tour.tours").add("sales_appraisal_acknowledge_tour", {
    url: "/odoo/action-sales_appraisal.sales_appraisal_my_action",
    steps: () => [
        {
            content: "Open the reviewed quarterly appraisal",
            trigger: ".o_list_view .o_data_row:contains('Quarter') td[name='period_type']",
            run: "click",
        },
        {
            content: "The manager's score is there",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Teamwork'):contains('90.00')",
        },
        {
            content: "Acknowledge the appraisal",
            trigger: ".o_statusbar_buttons button[name='action_acknowledge']",
            run: "click",
        },
        {
            content: "The appraisal is acknowledged",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Acknowledged')",
        },
    ],
});
