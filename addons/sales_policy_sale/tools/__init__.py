from . import floor_math
from . import snapshot_sql
