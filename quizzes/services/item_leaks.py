"""The stored cross-item leaks: which item gives which other item's key away (checker/cross.py).

Refreshed for the items that changed, against every item that is not retired, in both directions, so
that assembling a session reads the pairs instead of checking them (a practice session of 50 items
had taken 15 s when every candidate was checked against every item chosen).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from quizzes.generation.checker.cross import leak_pairs, leak_profile
from quizzes.models import Item, ItemLeak

_PROFILE_FIELDS = ("id", "key", "prompt", "explanation", "answer_forms")


def _profiles(items: Iterable[Item]) -> dict[str, tuple[int, object]]:
    return {item.key: (item.pk, leak_profile(item.key, item.prompt, item.explanation, item.answer_forms or []))
            for item in items}


@transaction.atomic
def item_leaks_refresh(*, item_ids: Iterable[int]) -> int:
    """Recompute every leak that involves one of these items; returns how many pairs they are in."""
    ids = set(item_ids)
    changed = _profiles(Item.objects.filter(pk__in=ids).exclude(status=Item.Status.RETIRED).only(*_PROFILE_FIELDS))
    everyone = _profiles(Item.objects.exclude(status=Item.Status.RETIRED).only(*_PROFILE_FIELDS))
    mine = [profile for _pk, profile in changed.values()]
    all_profiles = [profile for _pk, profile in everyone.values()]
    found = {(leak.giver, leak.receiver): leak.form
             for leak in leak_pairs(mine, all_profiles) + leak_pairs(all_profiles, mine)}
    ItemLeak.objects.filter(Q(giver_id__in=ids) | Q(receiver_id__in=ids)).delete()
    ItemLeak.objects.bulk_create([
        ItemLeak(giver_id=everyone[giver][0], receiver_id=everyone[receiver][0], form=form[:200])
        for (giver, receiver), form in found.items()
    ])
    return len(found)
