"""Compute the stored cross-item leaks of the items that exist already (new ones get theirs when they
are generated, written or edited)."""

from django.db import migrations

from quizzes.generation.checker.cross import leak_pairs, leak_profile


def fill(apps, schema_editor):
    Item = apps.get_model("quizzes", "Item")
    ItemLeak = apps.get_model("quizzes", "ItemLeak")
    items = Item.objects.exclude(status="retired").only("id", "key", "prompt", "explanation", "answer_forms")
    ids, profiles = {}, []
    for item in items:
        ids[item.key] = item.pk
        profiles.append(leak_profile(item.key, item.prompt, item.explanation, item.answer_forms or []))
    ItemLeak.objects.bulk_create([ItemLeak(giver_id=ids[leak.giver], receiver_id=ids[leak.receiver], form=leak.form[:200])
                                  for leak in leak_pairs(profiles, profiles)], ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0006_item_leak")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
