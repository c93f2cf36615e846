from . import batch_run
from . import training_math
