"""The benchmark data generator writes what it says, in a shape the pages can read."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from quizzes.models import Answer, Attempt, Membership, QuizSet, ReviewCard

pytestmark = pytest.mark.django_db


def test_a_small_bench_data_set(seed_bank, client, django_user_model):
    call_command("make_bench_data", students=30, classes=3, answers_per_student=30, stdout=None)
    assert Membership.objects.count() == 30 and QuizSet.objects.count() == 3
    assert Answer.objects.count() == 30 * 30 and Attempt.objects.filter(mode="assignment").count() == 30
    assert ReviewCard.objects.count() <= 30 * 30 and ReviewCard.objects.exists()
    teacher = django_user_model.objects.get(username="bench-teacher-000")
    client.force_login(teacher)
    quiz_set = QuizSet.objects.get(owner=teacher)
    page = client.get(reverse("quizzes:teach-results", kwargs={"set_id": quiz_set.pk}))
    assert page.status_code == 200 and page.content.decode().count("<tr><td>bench-student-") == 10
    student = django_user_model.objects.get(username="bench-student-00000")
    client.force_login(student)
    assert client.get(reverse("quizzes:dashboard")).status_code == 200
