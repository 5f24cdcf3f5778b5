"""The tests' network block (see pcrm_netblock.py); sitecustomize.py carries it into children."""
