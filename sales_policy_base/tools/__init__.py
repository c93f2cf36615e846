from . import grading_math
