"""Choosing distractors: alike in kind and length, distinct from the key and from each other.

>>> import random
>>> choose("実現", [("向上", "a"), ("実現", "a"), ("実現する", "a"), ("推進", "b")], "a", 2, random.Random(1))
['向上', '推進']
"""

from __future__ import annotations

import math
import random
from collections import Counter

from .categories import odd_one_out
from .folding import fold
from .phrases import ending

LENGTH_CUE_RATIO = 1.8
MAX_PREFERRED_DISTANCE = 0.4  # log of a 1.5 length ratio: beyond it, length matters more than kind


def nested(a: str, b: str) -> bool:
    """Equal or one inside the other once folded (コンテンツ / ウェブコンテンツ)."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def choose(key: str, candidates: list[tuple[str, object]], key_kind: object, count: int,
           rng: random.Random) -> list[str]:
    """Up to ``count`` candidate texts, preferring the key's kind and a length near the key's.

    A kind is a string, or a (class, form) pair such as ("plan", "name"): then a candidate of the key's
    class (categories.py) comes before any length preference, and the choice never leaves the key the
    one option of its class among distractors sharing another."""
    pool = list(dict.fromkeys(candidates))
    rng.shuffle(pool)
    pool.sort(key=lambda candidate: _preference(key, key_kind, candidate))
    chosen: list[tuple[str, object]] = []
    for text, kind in pool:
        if len(chosen) == count:
            break
        if not nested(text, key) and not any(nested(text, other) for other, _kind in chosen):
            chosen.append((text, kind))
    if isinstance(key_kind, tuple):
        chosen = _key_not_odd_one_out(key, key_kind[0], chosen, pool)
        if odd_one_out(key_kind[0], [kind[0] for _text, kind in chosen]):
            return []  # no choice leaves the key unmarked by its class: no item
    return without_length_cue(key, [text for text, _kind in chosen], [text for text, _kind in pool])


def _preference(key: str, key_kind: object, candidate: tuple[str, object]) -> tuple:
    text, kind = candidate
    far = _length_distance(key, text) > MAX_PREFERRED_DISTANCE
    if isinstance(key_kind, tuple):
        other_class = key_kind[0] is not None and kind[0] != key_kind[0]
        return other_class, far, kind[1:] != key_kind[1:], _length_distance(key, text)
    return False, far, kind != key_kind, _length_distance(key, text)


def _key_not_odd_one_out(key: str, key_class, chosen: list[tuple[str, tuple]], pool: list[tuple[str, tuple]]):
    """Distractors sharing a class the key lacks: one of them swapped for a candidate of yet another
    class (or of none), so that no class marks the key out."""
    if not odd_one_out(key_class, [kind[0] for _text, kind in chosen]):
        return chosen
    shared = Counter(kind[0] for _text, kind in chosen if kind[0] is not None).most_common(1)[0][0]
    texts = [text for text, _kind in chosen]
    for text, kind in pool:
        if kind[0] != shared and text not in texts and not any(nested(text, other) for other in [key, *texts]):
            last = max(index for index, (_text, other) in enumerate(chosen) if other[0] == shared)
            return [*chosen[:last], (text, kind), *chosen[last + 1:]]
    return chosen


def length_cue(key: str, distractors: list[str]) -> bool:
    """The key longer than every distractor, or shorter than every one, by more than the cue ratio."""
    if not distractors:
        return False
    lengths = [len(text) for text in distractors]
    return len(key) > LENGTH_CUE_RATIO * max(lengths) or len(key) * LENGTH_CUE_RATIO < min(lengths)


def without_length_cue(key: str, chosen: list[str], pool: list[str]) -> list[str]:
    """``chosen``, or with its last member swapped for the pool's phrase nearest the key in length
    when the key would otherwise stand out; [] when nothing in the pool can fix it."""
    if not length_cue(key, chosen):
        return chosen
    spare = sorted((text for text in pool if text not in chosen and not any(nested(text, o) for o in [key, *chosen])),
                   key=lambda text: _length_distance(key, text))
    fixed = [*chosen[:-1], spare[0]] if spare else chosen
    return [] if length_cue(key, fixed) else fixed


def _length_distance(key: str, text: str) -> float:
    return round(abs(math.log(max(len(text), 1) / max(len(key), 1))), 1)


def alike_endings(key: str, pool: list[str], count: int, rng: random.Random) -> list[str]:
    """Distractors ending like the key where possible (…の実現 with …の実現), and never two sharing
    another ending, which would leave the key the odd one out."""
    ordered = list(pool)
    rng.shuffle(ordered)
    ordered.sort(key=lambda phrase: (ending(phrase) != ending(key),
                                     _length_distance(key, phrase) > MAX_PREFERRED_DISTANCE))
    chosen: list[str] = []
    for phrase in ordered:
        shape = ending(phrase)
        odd = shape is not None and shape != ending(key) and any(ending(other) == shape for other in chosen)
        if len(chosen) < count and not odd and not any(nested(phrase, other) for other in [key, *chosen]):
            chosen.append(phrase)
    return without_length_cue(key, chosen, ordered)
