from . import sale_order
from . import sale_order_line
from . import ir_actions_report
from . import res_partner
from . import payment_transaction
from . import portal_share
from . import payment_link_wizard
