"""Each answer names its learner (its attempt's), so that a learner's pending reviews are found by an
index on them: looking them up through the slot and the attempt walked every pending answer of every
learner (docs/PERFORMANCE.md, 2026-12-04 evening)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

BACKFILL = """
    UPDATE quizzes_answer SET learner_id = (
        SELECT t.learner_id FROM quizzes_attemptitem s JOIN quizzes_attempt t ON t.id = s.attempt_id
        WHERE s.id = quizzes_answer.slot_id)
"""


class Migration(migrations.Migration):

    dependencies = [
        ('quizzes', '0018_classes_and_assignments_updated'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='answer',
            name='learner',
            field=models.ForeignKey(db_index=False, editable=False, null=True,
                                    on_delete=django.db.models.deletion.CASCADE, related_name='answers',
                                    to=settings.AUTH_USER_MODEL, verbose_name='learner'),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name='answer',
            name='learner',
            field=models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name='answers', to=settings.AUTH_USER_MODEL, verbose_name='learner'),
        ),
        migrations.RemoveIndex(model_name='answer', name='answer_review_pending'),
        migrations.AddIndex(
            model_name='answer',
            index=models.Index(condition=models.Q(('review_pending', True)), fields=['learner'],
                               name='answer_review_pending'),
        ),
    ]
