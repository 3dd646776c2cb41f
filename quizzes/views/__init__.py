"""Pages by audience: learning (students), teaching (teachers)."""
