from . import test_appraisal_math
from . import test_targets
from . import test_measures
from . import test_appraisal
from . import test_reward_penalty
from . import test_rpc
from . import test_appraisal_file
from . import test_ui
