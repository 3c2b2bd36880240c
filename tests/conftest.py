"""Hypothesis settings for the whole suite: no per-example deadline.

The property tests compare a vectorised call with the loop of scalar calls. On a loaded two-core
machine (CI shares one) a single example can take longer than Hypothesis's default 200 ms
deadline, and the run fails with DeadlineExceeded or FlakyFailure although every result is
right (seen in tests/test_costs.py and tests/test_compute.py, test_vectorised_equals_loop).
Speed is measured by ``nox -s bench``, not by the unit tests.
"""

from hypothesis import settings

settings.register_profile("aicosts", deadline=None)
settings.load_profile("aicosts")
