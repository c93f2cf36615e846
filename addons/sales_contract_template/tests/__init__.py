from . import test_contract_math
from . import test_contract_template
from . import test_review_cron
from . import test_rpc
