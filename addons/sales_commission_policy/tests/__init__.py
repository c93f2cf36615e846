from . import test_commission_math
