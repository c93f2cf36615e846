from . import test_cycle_math
from . import test_handover
from . import test_delivery_terms
from . import test_delay
from . import test_delay_engine
from . import test_cycle_report
from . import test_rpc
from . import test_ui
