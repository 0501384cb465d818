"""``python -m reactive`` is the ``reactive`` command."""

import sys

from reactive.cli import main

sys.exit(main())
