from . import res_company
from . import res_config_settings
from . import sales_policy_clause
from . import sales_competitor
from . import sales_competitor_product
from . import sales_competitor_price
from . import sale_order_line
from . import sale_order
