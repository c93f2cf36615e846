from . import sales_kpi_scorecard_wizard
