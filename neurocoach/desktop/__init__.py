"""Desktop integration: the log-in start and the notifications with buttons.

Plain Python beside the screens and the sound, not under them: it knows no widgets, and only
the composition root (app.py) wires it to the settings and the windows. The layer contracts
in pyproject.toml check this.
"""
