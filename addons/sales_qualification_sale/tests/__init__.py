from . import test_contract_finance
