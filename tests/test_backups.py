"""A backup restored keeps every learner's progress (on the database the suite runs on)."""

import pytest
from django.core.management import CommandError, call_command

from content.models import Chapter
from content.services.chapter_import import chapter_import_file
from quizzes.models import Answer, Attempt, Item, ReviewCard
from quizzes.selectors.learning import progress_for
from quizzes.services.answering import attempt_answer, attempt_finish
from quizzes.services.item_generation import items_generate
from quizzes.services.practice import attempt_create
from tests.conftest import SEED, json_answer


def _snapshot(student):
    progress = progress_for(learner=student)
    return {
        "answers": sorted(Answer.objects.filter(slot__attempt__learner=student).values_list("slot__item_id", "score")),
        "cards": sorted(ReviewCard.objects.filter(learner=student).values_list("item_id", "due", "reviews")),
        "attempts": Attempt.objects.filter(learner=student).count(),
        "mastery": [(m.label, m.mastery.percent) for c in progress.chapters for m in c.sections],
    }


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_keeps_every_learners_progress(tmp_path, django_user_model):
    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    student = django_user_model.objects.create_user("hanako", password="pw-12345678")
    attempt = attempt_create(learner=student, items=list(Item.objects.filter(kind="true_false")[:5]))
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot))
    attempt_finish(attempt=attempt)  # which schedules the session's reviews: its cards
    before = _snapshot(student)
    backup = tmp_path / "civiclearn.backup"
    call_command("backup_database", str(backup), stdout=None)
    Answer.objects.all().delete()  # an accident after the backup
    ReviewCard.objects.all().delete()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_database", str(backup))
    call_command("restore_database", str(backup), "--yes", stdout=None)
    assert _snapshot(django_user_model.objects.get(username="hanako")) == before
    assert len(before["answers"]) == 5 and len(before["cards"]) == 5


def test_a_missing_backup_file_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore_database", str(tmp_path / "missing"), "--yes")


@pytest.mark.django_db(transaction=True)
def test_a_page_kept_from_before_a_restore_is_not_served_for_what_the_restore_brought_back(tmp_path, client):
    """Backup at revision N, an edit (N+1, kept), restore (N), another edit (N+1 again): the page shows
    the second edit, not the page kept for the first."""
    from django.urls import reverse

    from content.services.revisions import raise_revision

    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    chapter = Chapter.objects.get(slug=imported.slug)
    backup = tmp_path / "civiclearn.backup"
    call_command("backup_database", str(backup), stdout=None)
    section = chapter.sections.get(number=1)
    page = reverse("content:section", kwargs={"slug": chapter.slug, "number": 1})

    def edit(title):
        type(section).objects.filter(pk=section.pk).update(title=title)
        raise_revision([chapter.pk])
        return client.get(page).content.decode()

    assert "最初の編集" in edit("最初の編集")
    call_command("restore_database", str(backup), "--yes", stdout=None)
    shown = edit("二度目の編集")
    assert "二度目の編集" in shown and "最初の編集" not in shown
