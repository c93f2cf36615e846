/** @odoo-module **/

import { registry } from "@web/core/registry";

function approveReview(kind) {
    return [
        {
            content: `Approve the ${kind} review`,
            trigger: `.o_field_widget[name='review_ids'] .o_data_row:contains('${kind}') button[name='action_approval_approve']`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='review_ids'] .o_data_row:contains('${kind}'):not(:has(button[name='action_approval_approve']))`,
        },
    ];
}

function openQualificationsMenu(item) {
    return [
        {
            content: "Open the Qualifications menu",
            trigger: ".o_main_navbar button:contains('Qualifications')",
            run: "click",
        },
        {
            trigger: `.dropdown-item:contains('${item}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("sales_qualification_lifecycle", {
    steps: () => [
        {
            content: "Open the evaluation waiting for management",
            trigger: ".o_data_row td[name='qualification_id']:contains('Tour Certificate')",
            run: "click",
        },
        {
            content: "Management approves the evaluation",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
        ...openQualificationsMenu("Certificates"),
        {
            content: "The kanban groups certificates by state",
            trigger: ".o_kanban_group:contains('Evaluation') .o_kanban_record:contains('Tour Certificate')",
            run: "click",
        },
        {
            content: "Send the acquired certificate to review",
            trigger: ".o_form_view button[name='action_submit_review']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Under Review')",
        },
        {
            content: "Open the review tab",
            trigger: ".o_notebook .nav-link:contains('Review')",
            run: "click",
        },
        ...approveReview("Legal"),
        ...approveReview("Finance"),
        ...approveReview("Technical"),
        {
            content: "All three approvals activate the certificate",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Active')",
        },
        ...openQualificationsMenu("Borrow Requests"),
        {
            content: "Request to borrow the certificate",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='qualification_id'] input",
            run: "edit Tour Certificate",
        },
        {
            trigger: "ul.ui-autocomplete a:contains('Tour Certificate')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='purpose'] textarea",
            run: "edit Tender dossier",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "A manager approves the request",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
        {
            content: "The custodian hands the certificate out",
            trigger: ".o_form_view button[name='action_hand_out']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Handed Out')",
        },
        {
            content: "and takes it back",
            trigger: ".o_form_view button[name='action_return']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Returned')",
        },
        ...openQualificationsMenu("Expiry Calendar"),
        {
            content: "The expiry calendar shows the month of expiries",
            trigger: ".o_calendar_view .o_calendar_renderer",
        },
    ],
});
