/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("sales_policy_base_clause_register", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales Policy app",
            trigger: ".o_app[data-menu-xmlid='sales_policy_base.sales_policy_menu_root']",
            run: "click",
        },
        {
            content: "Open Policy > Policy Clauses",
            trigger: ".o_main_navbar button:contains('Policy')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Policy Clauses')",
            run: "click",
        },
        {
            content: "The register lists the shipped clauses, grouped by area",
            trigger: ".o_list_view .o_group_name:contains('General')",
            run: "click",
        },
        {
            trigger: ".o_data_row td[name='code']:contains('SP-GEN-01')",
            run: "click",
        },
        {
            content: "The clause opens read-only for a salesperson",
            trigger: ".o_form_view .o_field_widget[name='code']:contains('SP-GEN-01')",
        },
        {
            trigger: ".o_form_view:not(:has(.o_form_button_save))",
        },
    ],
});
