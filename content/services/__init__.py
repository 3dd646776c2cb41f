"""Services write: every change to content goes through a function here (import from its module)."""
