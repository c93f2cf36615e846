from . import test_regrade_jobs
