"""Start PCRM Desktop: `python main.py [--db PATH] [--lang en]`."""
import sys

from pcrm_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
