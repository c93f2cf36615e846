from . import approval_match
from . import floor_math
from . import grading_math
