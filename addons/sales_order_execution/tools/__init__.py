from . import cycle_math
