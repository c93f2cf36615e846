from . import test_plan_flow
from . import test_plan_input
from . import test_effectiveness
from . import test_rpc
