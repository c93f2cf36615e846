from . import commission_math
