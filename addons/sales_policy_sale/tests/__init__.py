from . import test_sale_approval
from . import test_approval_bypass
from . import test_approval_engine
from . import test_price_floor
from . import test_ui
from . import test_customer_grading
from . import test_approval_gaps
from . import test_portal_gate
