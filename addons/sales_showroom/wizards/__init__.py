from . import sales_showroom_booking_wizard
from . import sales_showroom_duty_generate
from . import sales_showroom_board_export
