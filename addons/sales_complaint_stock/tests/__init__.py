from . import test_complaint_lot
from . import test_delivery_survey
