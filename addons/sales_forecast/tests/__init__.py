from . import test_forecast_math
from . import test_forecast_flow
from . import test_prefill
from . import test_scorecard
from . import test_rpc
