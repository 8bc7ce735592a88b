"""The frozen app's entry point (PyInstaller needs a script, not a console entry point)."""

import sys

from neurocoach.app import main

sys.exit(main())
