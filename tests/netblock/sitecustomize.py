"""Put on PYTHONPATH by tests/conftest.py: every Python child of the test suite starts offline.

Python imports the first `sitecustomize` on sys.path, so this one would hide one that the
interpreter or the virtual environment brings: that one is run first, under its own name.
"""
import importlib.machinery
import importlib.util
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))


def _run_shadowed_sitecustomize() -> None:
    others = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != _HERE]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules["_pcrm_shadowed_sitecustomize"] = module
    spec.loader.exec_module(module)


_run_shadowed_sitecustomize()
if _HERE not in sys.path:
    sys.path.append(_HERE)
import pcrm_netblock  # noqa: E402

pcrm_netblock.install(os.environ.get(pcrm_netblock.ENV_RECORD))
