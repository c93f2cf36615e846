from . import test_booking
from . import test_booking_controls
from . import test_concurrency
from . import test_reception
from . import test_duty
from . import test_board
from . import test_ui
