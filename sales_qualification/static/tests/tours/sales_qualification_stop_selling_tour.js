/** @odoo-module **/

import { registry } from "@web/core/registry";

// Risk -> suspension -> refused order -> resumption, in three legs (each
// starts on its own page; the test checks the records between them).

registry.category("web_tour.tours").add("sales_qualification_stop_selling_suspend", {
    steps: () => [
        {
            content: "Open the policy-change risk of the certificate",
            trigger: ".o_data_row td[name='name']:contains('Tour policy risk')",
            run: "click",
        },
        {
            content: "The risk happens: suspend the certificate",
            trigger: ".o_form_view button[name='action_suspend_qualification']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Provincial rules changed: two more engineers needed",
        },
        {
            content: "Save the suspension",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The certificate no longer sells",
            trigger: ".o_field_widget[name='qualification_state']:contains('Suspended')",
        },
    ],
});

registry.category("web_tour.tours").add("sales_qualification_stop_selling_order", {
    steps: () => [
        {
            content: "The quotation warns",
            trigger: ".alert[name='qualification_warning']:contains('suspended')",
        },
        {
            content: "Confirming is refused",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: ".modal .modal-body:contains('SP-QUA-11')",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("sales_qualification_stop_selling_resume", {
    steps: () => [
        {
            trigger: ".o_data_row td[name='qualification_id']:contains('Tour Certificate')",
            run: "click",
        },
        {
            content: "Say why it can sell again",
            trigger: ".o_field_widget[name='resume_note'] textarea",
            run: "edit Engineers hired and registered with the bureau",
        },
        {
            trigger: ".o_form_view button[name='action_request_resume']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Resumption Requested')",
        },
        {
            content: "The senior manager approves the resumption",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Resumed')",
        },
    ],
});
