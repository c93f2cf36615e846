from . import test_cross_module
from . import test_qualification_approvals
from . import test_stock_users
from . import test_translations
from . import test_customer_development_flow
from . import test_enforcement_registry
from . import test_adversarial_roles
from . import test_malformed_calls
