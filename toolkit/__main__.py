"""`python -m toolkit` runs the `wtdc` command line, for a checkout without the script."""

from toolkit.cli import main

raise SystemExit(main())
