from . import sales_policy_clause
from . import sales_tender
from . import sales_tender_result_line
from . import sales_tender_outcome
from . import sales_competitor_price
