from . import test_appraisal_multiplier
