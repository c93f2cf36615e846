from . import res_company
from . import res_config_settings
from . import sales_policy_clause
from . import sales_expense_category
from . import sales_expense_standard
from . import product_product
from . import crm_team
from . import sales_expense_budget
from . import sales_expense_budget_line
from . import hr_expense
from . import hr_expense_sheet
from . import account_move_line

# the report's view reads the columns the models above add
from . import sales_expense_budget_report
from . import sales_expense_budget_digest
