# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Promotion Plan",
    "summary": "Annual market-promotion plan of UTM campaigns with budgets, "
    "approved by senior management through the approval engine, and the "
    "effectiveness of each campaign (leads, opportunities, won revenue, "
    "margin, cost per lead, return on spend)",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "sales_policy_base",
        "crm",
        "sale_crm",
        "sale_margin",
        "utm",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/sales_promotion_plan_views.xml",
        "views/sales_promotion_campaign_views.xml",
        "views/sales_promotion_effectiveness_views.xml",
        "wizards/sales_promotion_export_wizard_views.xml",
        "views/utm_campaign_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_promotion_demo.xml",
    ],
}
