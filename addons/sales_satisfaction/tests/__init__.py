from . import test_satisfaction_math
from . import test_survey_response
from . import test_satisfaction_rate
from . import test_periodic_cron
from . import test_rpc
