from . import sales_forecast_generate_wizard
from . import sales_forecast_export_wizard
