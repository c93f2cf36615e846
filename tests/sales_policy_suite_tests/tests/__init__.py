from . import test_cross_module
from . import test_translations
