"""`python -m search ...`: see `search.cli`."""

import sys

from .cli import main

sys.exit(main())
