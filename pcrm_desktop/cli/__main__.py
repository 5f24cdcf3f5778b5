"""`python -m pcrm_desktop.cli …`: the same as the `pcrm` command."""
import sys

from pcrm_desktop.cli import main

sys.exit(main())
