from . import crm_claim
from . import sale_order
from . import stock_picking
