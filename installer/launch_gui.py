"""Entry point of the bundled program (PCRM Desktop window; `--self-test` checks the install)."""
import sys

from pcrm_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
