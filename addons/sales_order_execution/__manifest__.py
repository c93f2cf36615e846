# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy: Order Execution",
    "summary": "Contract hand-over to production, logistics and finance, "
    "delivery commitments, delay follow-up with reasons and order-cycle "
    "statistics",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sales_policy_sale", "sale_stock"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/sales_delay_reason_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/sales_policy_clause_data.xml",
        "views/sales_delay_reason_views.xml",
        "views/sales_order_delay_views.xml",
        "views/sales_order_cycle_report_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_order_cycle_export_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/sales_order_execution_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "sales_order_execution/static/tests/tours/*.js",
        ],
    },
}
