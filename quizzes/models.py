"""The item bank, quiz sets and attempts live here (filled by the item-bank and learner issues)."""
