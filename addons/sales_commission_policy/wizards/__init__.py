from . import sales_commission_settle_wizard
from . import sales_commission_statement_wizard
