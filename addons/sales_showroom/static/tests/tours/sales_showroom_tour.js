/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("sales_showroom_board_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales Policy app",
            trigger: ".o_app[data-menu-xmlid='sales_policy_base.sales_policy_menu_root']",
            run: "click",
        },
        {
            content: "Open Showroom > Sales-Control Board",
            trigger: ".o_main_navbar button:contains('Showroom')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Sales-Control Board')",
            run: "click",
        },
        {
            content: "The board shows the unit in its building / floor column",
            trigger: ".o_kanban_group:contains('TourTower / 07F') .o_kanban_record:contains('TourTower-7-701')",
            run: "click",
        },
        {
            content: "Hold the available unit",
            trigger: ".o_form_view button[name='action_open_booking_wizard']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='partner_id'] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Customer')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='hold_hours'] input",
            run: "edit 24",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The unit is held; subscribe it",
            trigger: ".o_form_view .o_statusbar_status button[aria-checked='true']:contains('Held')",
        },
        {
            trigger: ".o_form_view button[name='action_open_subscribe_wizard']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='deposit_amount'] input",
            run: "edit 20000",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The unit is subscribed; contract it",
            trigger: ".o_form_view .o_statusbar_status button[aria-checked='true']:contains('Subscribed')",
        },
        {
            trigger: ".o_form_view button[name='action_contract']",
            run: "click",
        },
        {
            content: "The unit is contracted",
            trigger: ".o_form_view .o_statusbar_status button[aria-checked='true']:contains('Contracted')",
        },
    ],
});
