from . import test_commission_math
from . import test_commission_plan
from . import test_commission_generation
from . import test_commission_collection
from . import test_commission_ownership
from . import test_commission_bonus
from . import test_commission_settlement
from . import test_commission_security
