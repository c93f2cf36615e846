from . import test_price_observation
from . import test_quotation_line
from . import test_send_check
from . import test_query_count
from . import test_rpc
