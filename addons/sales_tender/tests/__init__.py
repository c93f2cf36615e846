from . import test_tender_flow
from . import test_tender_rpc
from . import test_ui
