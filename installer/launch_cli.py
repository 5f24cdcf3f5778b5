"""Entry point of the bundled `pcrm` command-line tool (a console program beside the window's)."""
import sys

from pcrm_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
