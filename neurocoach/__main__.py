"""Allows ``python -m neurocoach``."""

import sys

from neurocoach.app import main

sys.exit(main())
