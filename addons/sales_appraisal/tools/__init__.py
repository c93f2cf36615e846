from . import appraisal_math
