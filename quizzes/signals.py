"""What the quiz side tells the rest of the site, so that integrations (interop/) depend on quizzes
and never the other way round."""

from django.dispatch import Signal

# Sent inside the transaction that finishes an attempt, once per attempt (finishing twice sends once);
# ``attempt`` has its finished_at and score. A receiver that writes does so in the same transaction.
attempt_finished = Signal()
