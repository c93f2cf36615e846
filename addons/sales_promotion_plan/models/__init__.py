from . import sales_policy_clause
from . import sales_promotion_plan
from . import sales_promotion_campaign
from . import sales_promotion_effectiveness
