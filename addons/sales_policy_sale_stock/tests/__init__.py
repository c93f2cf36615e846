from . import test_delivery_review
