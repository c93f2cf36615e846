from . import test_security_groups
from . import test_policy_clause
from . import test_policy_settings
from . import test_ui
from . import test_price_floors
from . import test_approval_settings
from . import test_grading_math
from . import test_customer_grading
