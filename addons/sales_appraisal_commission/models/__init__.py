from . import sales_commission_appraisal_band
from . import sales_commission_plan
from . import sales_commission_settlement
