# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Showroom",
    "summary": "Showroom-floor booking controls: units never sold twice, "
    "sales-control board, reception rotation, visitor ownership and duty rota",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sales_policy_sale", "sale_management"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/product_data.xml",
        "data/ir_cron_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/sales_showroom_project_views.xml",
        "views/sales_showroom_building_views.xml",
        "views/sales_showroom_unit_views.xml",
        "views/sales_showroom_booking_views.xml",
        "views/sales_showroom_visitor_views.xml",
        "views/sales_showroom_reception_queue_views.xml",
        "views/sales_showroom_assignment_views.xml",
        "views/sales_showroom_duty_views.xml",
        "views/sales_showroom_duty_swap_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_showroom_booking_wizard_views.xml",
        "wizards/sales_showroom_duty_generate_views.xml",
        "wizards/sales_showroom_board_export_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_showroom_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "sales_showroom/static/src/scss/showroom_board.scss",
        ],
        "web.assets_tests": [
            "sales_showroom/static/tests/tours/*.js",
        ],
    },
}
