from . import sales_sample_stats_export
