"""Choosing distractors: alike in kind and length, distinct from the key and from each other.

>>> import random
>>> choose("実現", [("向上", "a"), ("実現", "a"), ("実現する", "a"), ("推進", "b")], "a", 2, random.Random(1))
['向上', '推進']
"""

from __future__ import annotations

import math
import random

from .folding import fold
from .phrases import ending

LENGTH_CUE_RATIO = 1.8
MAX_PREFERRED_DISTANCE = 0.4  # log of a 1.5 length ratio: beyond it, length matters more than kind


def nested(a: str, b: str) -> bool:
    """Equal or one inside the other once folded (コンテンツ / ウェブコンテンツ)."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def choose(key: str, candidates: list[tuple[str, str]], key_kind: str, count: int,
           rng: random.Random) -> list[str]:
    """Up to ``count`` candidate texts, preferring the key's kind and a length near the key's."""
    pool = list(dict.fromkeys(candidates))
    rng.shuffle(pool)
    pool.sort(key=lambda candidate: (_length_distance(key, candidate[0]) > MAX_PREFERRED_DISTANCE,
                                     candidate[1] != key_kind, _length_distance(key, candidate[0])))
    chosen: list[str] = []
    for text, _kind in pool:
        if len(chosen) == count:
            break
        if not nested(text, key) and not any(nested(text, other) for other in chosen):
            chosen.append(text)
    return without_length_cue(key, chosen, [text for text, _kind in pool])


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
