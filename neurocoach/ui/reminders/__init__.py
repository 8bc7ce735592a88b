"""Reminders on screen: the timer that asks the schedule, and the prompt when no desktop
notification can be shown."""
