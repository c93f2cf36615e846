from . import complaint_math
from . import register_xlsx
