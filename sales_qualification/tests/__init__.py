from . import test_qualification_lifecycle
from . import test_borrowing
from . import test_borrowing_concurrency
from . import test_expiry_renewal
from . import test_renewal_chain
from . import test_selling
from . import test_risk_emergency
from . import test_ui
