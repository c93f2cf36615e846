from . import res_company
from . import res_config_settings
from . import sales_policy_clause
from . import sales_contract_template
from . import sales_contract_template_version
from . import sale_order
