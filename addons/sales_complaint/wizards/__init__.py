from . import sales_complaint_revisit_wizard
