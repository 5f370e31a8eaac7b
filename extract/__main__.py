"""Entry point of ``python -m extract``."""
import sys

from extract.cli import main

if __name__ == "__main__":
    sys.exit(main())
