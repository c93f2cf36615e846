from . import sales_visit_review_report
