from . import sample_math
from . import stats_xlsx
