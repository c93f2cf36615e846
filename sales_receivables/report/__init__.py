from . import sales_aged_receivable_report
