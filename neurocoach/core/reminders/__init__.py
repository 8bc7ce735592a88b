"""Reminders: the plan of times, when each is due, and what has been told already."""
