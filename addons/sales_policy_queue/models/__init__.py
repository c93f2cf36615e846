from . import res_config_settings
from . import res_partner
