from . import sales_credit_change_wizard
from . import sales_receivables_xlsx_wizard
from . import sales_interest_compute_wizard
from . import base_partner_merge_automatic_wizard
