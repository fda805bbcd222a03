"""Run the command line: ``python -m quoteattr``."""

from quoteattr.cli import main

raise SystemExit(main())
