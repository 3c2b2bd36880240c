"""Shared test settings: property tests are about truth, not speed.

Hypothesis's default 200 ms deadline per example fails tests on a loaded two-core machine for
reasons that have nothing to do with the code; performance targets live in ``nox -s bench``.
"""

from hypothesis import settings

settings.register_profile("aicosts", deadline=None)
settings.load_profile("aicosts")
