from . import test_control_math
from . import test_budget
from . import test_expense_control
from . import test_reports
from . import test_rpc
from . import test_ui
