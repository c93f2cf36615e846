from . import test_kpi_scorecard
from . import test_confidentiality
from . import test_overdue_visits
from . import test_recovery_plan
from . import test_stage_requirements
from . import test_visits
from . import test_ui
