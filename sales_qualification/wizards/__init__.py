from . import sales_qualification_renew_wizard
