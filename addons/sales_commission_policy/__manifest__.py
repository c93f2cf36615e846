# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Commission Policy",
    "summary": "Commission plans by grade, category and product with marginal "
    "tiers, customer ownership and splits, commission lines on invoiced or "
    "collected revenue, project bonuses and settlements",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sale_management", "account"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/sales_commission_plan_views.xml",
        "views/sales_commission_line_views.xml",
        "views/sales_commission_settlement_views.xml",
        "views/sales_commission_bonus_views.xml",
        "views/sales_commission_ownership_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/account_move_views.xml",
        "wizards/sales_commission_settle_wizard_views.xml",
        "wizards/sales_commission_statement_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_commission_demo.xml",
    ],
}
