from . import sales_promotion_export_wizard
