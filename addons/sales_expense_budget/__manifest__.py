# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Expense Budget",
    "summary": "Monthly sales-expense budgets per team and category approved "
    "through the approval engine, budget vs committed vs actual from expenses "
    "and vendor bills, and expense reports over budget or over the company's "
    "expense standards held for approval",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "sales_policy_base",
        "hr_expense",
        "sales_team",
        "analytic",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/sales_expense_category_data.xml",
        "data/mail_activity_type_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/sales_expense_category_views.xml",
        "views/sales_expense_standard_views.xml",
        "views/sales_expense_budget_views.xml",
        "views/sales_expense_budget_report_views.xml",
        "views/crm_team_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_expense_budget_export_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_expense_budget_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_expense_budget/static/tests/tours/*.js",
        ],
    },
}
