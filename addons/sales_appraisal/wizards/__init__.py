from . import sales_appraisal_compute_wizard
from . import sales_reward_penalty_export
from . import sales_appraisal_file_export
