# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy: Contract Templates",
    "summary": "Contract templates per customer class, versioned with an "
    "effective date, printed on orders, archived on confirmation and "
    "reviewed every half year by legal",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sales_policy_sale"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/sales_policy_clause_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "report/sale_contract_report.xml",
        "views/sales_contract_template_views.xml",
        "views/sales_contract_template_version_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/sales_contract_template_demo.xml"],
}
