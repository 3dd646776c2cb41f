"""A teacher's own items belong to that teacher and the sets that use them: never in a practice pool,
a review, another teacher's set or bank, or the public bank, until an admin shares them."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from quizzes.models import Item
from quizzes.selectors.bank import published_items
from quizzes.selectors.teaching import bank_filtered
from quizzes.services.chapter_publishing import chapters_regenerate
from quizzes.services.item_review import items_share
from quizzes.services.practice import practice_start
from quizzes.services.quiz_sets import entry_add_item, item_write, quiz_set_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_teacher(django_user_model):
    user = django_user_model.objects.create_user("sensei2", password="pw-12345678")
    user.groups.add(Group.objects.get_or_create(name="teachers")[0])
    return user


@pytest.fixture
def own_items(teacher, seed_bank):
    quiz_set = quiz_set_create(owner=teacher, title="自作")
    return [item_write(author=teacher, quiz_set=quiz_set, chapter=seed_bank, section=None, kind="true_false",
                       skill="definition", prompt=f"自作の問い{n}：札幌市はICTを活用している。", options=[], answer=True,
                       explanation="本文のとおり。") for n in range(5)]


def test_own_items_never_reach_a_practice_pool(own_items, student, seed_bank):
    assert not published_items(chapter=seed_bank).filter(pk__in=[i.pk for i in own_items]).exists()
    served = set()
    for _ in range(12):
        attempt = practice_start(learner=student, chapter=seed_bank, size=50)
        served |= set(attempt.slots.values_list("item_id", flat=True))
    assert served and not served & {item.pk for item in own_items}


def test_another_teacher_cannot_see_or_add_them(own_items, other_teacher, teacher, seed_bank):
    theirs = quiz_set_create(owner=other_teacher, title="他人のセット")
    with pytest.raises(ValidationError):
        entry_add_item(quiz_set=theirs, item=own_items[0])
    api = APIClient()
    api.force_authenticate(other_teacher)
    response = api.post(f"/api/v1/quiz-sets/{theirs.pk}/add-item/", {"item": own_items[0].pk}, format="json")
    assert response.status_code == 400 and not theirs.entries.exists()
    assert not bank_filtered(teacher=other_teacher).filter(pk=own_items[0].pk).exists()
    assert bank_filtered(teacher=teacher).filter(pk=own_items[0].pk).exists()  # the author still finds it


def test_an_admin_shares_them_with_the_bank(own_items, seed_bank, other_teacher):
    assert items_share(items=own_items[:1]) == 1
    assert published_items(chapter=seed_bank).filter(pk=own_items[0].pk).exists()
    assert bank_filtered(teacher=other_teacher).filter(pk=own_items[0].pk).exists()
    assert not published_items(chapter=seed_bank).filter(pk=own_items[1].pk).exists()


def test_regenerating_the_chapter_keeps_own_items(own_items, seed_bank):
    chapters_regenerate(chapters=[seed_bank])
    assert set(Item.objects.filter(pk__in=[i.pk for i in own_items]).values_list("status", flat=True)) == {
        "published"}
