from . import sales_kpi_scorecard_wizard
from . import mail_compose_message
