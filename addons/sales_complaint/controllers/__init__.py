from . import portal
from . import register_xlsx
