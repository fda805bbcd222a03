"""Shared test configuration: the Hypothesis profiles.

``dev`` (the default) runs 100 examples a property; ``ci`` runs 200, derandomized
so that a CI failure reproduces on every rerun. ``HYPOTHESIS_PROFILE`` picks a
profile by name; otherwise ``ci`` is chosen when the ``CI`` variable is set (as
CI services set ``CI=true``). Neither has a deadline: extraction time depends
on the machine, and a slow shared runner is no bug.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
