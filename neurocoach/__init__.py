"""NeuroCoach: a hands-free home exercise coach for people living with peripheral neuropathy."""

__version__ = "0.1.0"
