"""Hypothesis settings for the whole test suite (tests/hypothesis/ holds the property tests).

`ci` (the default) is what CI runs:
- derandomize=True: every test draws the same examples on every run and machine (a fixed seed
  derived from the test), so CI is repeatable and a failure is one a developer can rerun;
- max_examples=40 by default (tests drawing 1 MB or writing a database ask for fewer), which
  keeps tests/hypothesis at about 40 s of CPU;
- deadline=None: a 2-core CI box under load must not turn a slow example into a failure (the
  tests that must be quick, such as a million columns, time themselves);
- database=None, and Hypothesis' caches (Unicode tables, constants read from the code) in a
  temporary folder: a run writes nothing into the checkout (no .hypothesis folder).
`deep` is for a developer hunting for more: random seeds and 25 times the examples; a failure
prints the blob that replays it (@reproduce_failure).

    PCRM_HYPOTHESIS=deep .venv/bin/python -m pytest -q tests/hypothesis
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

_home = os.environ.get("PCRM_HYPOTHESIS_HOME")
if not _home:
    _home = tempfile.mkdtemp(prefix="pcrm-hypothesis-")
    atexit.register(shutil.rmtree, _home, ignore_errors=True)
set_hypothesis_home_dir(_home)
settings.register_profile("ci", derandomize=True, max_examples=40, deadline=None, database=None,
                          print_blob=False)
settings.register_profile("deep", derandomize=False, max_examples=1000, deadline=None,
                          database=None, print_blob=True)
settings.load_profile(os.environ.get("PCRM_HYPOTHESIS", "ci"))
