from . import sales_order_cycle_export
