from . import approval_match
from . import cron_batch
from . import floor_math
from . import grading_math
