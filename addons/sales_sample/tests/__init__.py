from . import test_sample_math
from . import test_fee_rules
from . import test_budget
from . import test_sample_flow
from . import test_bad_input
from . import test_statistics
from . import test_rpc
from . import test_ui
