from . import res_company
from . import res_config_settings
from . import sales_policy_clause
from . import sales_forecast
from . import sales_forecast_line
from . import sales_forecast_prefill
from . import sales_kpi_scorecard
