# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy Suite Tests",
    "summary": "Cross-module tests of the Sales Policy Suite (holds only tests)",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "sales_policy_base",
        "sales_policy_sale",
        "sales_policy_sale_stock",
        "sales_customer_dev",
        "sales_showroom",
        "sales_qualification",
        "sales_receivables",
        "sales_commission_policy",
        "sales_complaint",
        "sales_satisfaction",
        "sales_complaint_stock",
        "sales_qualification_sale",
        "sales_order_execution",
        "sales_forecast",
        "sales_appraisal",
        "sales_appraisal_commission",
        "sales_policy_queue",
    ],
    "data": [],
    "assets": {
        "web.assets_tests": [
            "sales_policy_suite_tests/static/tests/tours/*.js",
        ],
    },
}
