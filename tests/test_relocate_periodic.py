"""Relocating the anchors of a text that repeats itself: a passage whose quote and whole
context also stand on a near-copy one period away is never placed on that copy."""

from __future__ import annotations

import random

from ddfacts import Anchor
from ddfacts.anchors import relocate_all

#: Copies of the block in the old text, and sentences in the block.
_COPIES = 8
_SENTENCES = 12
#: Copy ``_TWIN`` repeats copy ``_SOURCE``'s sentences ``_SHARED`` exactly (context and all).
_SOURCE, _TWIN = 2, 5
_SHARED = range(3, 8)
#: Sentences of copy ``_TWIN`` whose passage the edits delete.
_EDITED = range(4, 7)


def _sentences(seed: int) -> list[list[str]]:
    """``_COPIES`` near-copies of one block of sentences: each copy changes one word of
    every sentence (so that each sentence, with its context, is unique in its copy),
    except that copy ``_TWIN`` repeats copy ``_SOURCE`` on the sentences ``_SHARED``."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = [
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(300)
    ]
    block = [[rng.choice(vocabulary) for _ in range(rng.randint(8, 12))] for _ in range(_SENTENCES)]
    copies: list[list[str]] = []
    for k in range(_COPIES):
        copy = []
        for j, words in enumerate(block):
            changed = list(words)
            changed[j % len(words)] = f"{rng.choice(vocabulary)}{k}"
            copy.append(" ".join(changed).capitalize() + ".")
        copies.append(copy)
    for j in _SHARED:
        copies[_TWIN][j] = copies[_SOURCE][j]
    return copies


def _join(copies: list[list[str]]) -> str:
    return "\n\n".join(" ".join(copy) for copy in copies)


def _spans(copies: list[list[str]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Where each sentence (copy, index) stands in the joined text."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    at = 0
    for k, copy in enumerate(copies):
        for j, sentence in enumerate(copy):
            out[(k, j)] = (at, at + len(sentence))
            at += len(sentence) + 1
        at += 1  # the paragraph break is two characters, the last sentence's space one
    return out


def test_copy_of_deleted_run_is_not_trusted() -> None:
    """Every sentence anchored; the twin's passage is deleted in the new text, so the
    quotes of a run of its anchors, with their whole context, stand once: on the copy
    three periods back (where the copy's own anchors stand too).  They are orphaned."""
    for seed in range(3):
        old_copies = _sentences(seed)
        new_copies = [list(copy) for copy in old_copies]
        for j in _EDITED:
            new_copies[_TWIN][j] = ""
        new_copies[_TWIN] = [s for s in new_copies[_TWIN] if s]
        anchored = [(k, j) for k in range(_COPIES) for j in range(_SENTENCES)]
        kept = {(k, j) for (k, j) in anchored if not (k == _TWIN and j in _EDITED)}
        renumber = {}
        for k in range(_COPIES):
            left = [j for j in range(_SENTENCES) if (k, j) in kept]
            renumber.update({(k, j): (k, i) for i, j in enumerate(left)})
        _check_renumbered(old_copies, new_copies, anchored, renumber)


def _check_renumbered(
    old_copies: list[list[str]],
    new_copies: list[list[str]],
    anchored: list[tuple[int, int]],
    renumber: dict[tuple[int, int], tuple[int, int]],
) -> None:
    """As :func:`_check`, the new text's sentences numbered by *renumber* (an old
    sentence missing from it is gone)."""
    old, new = _join(old_copies), _join(new_copies)
    old_at, new_at = _spans(old_copies), _spans(new_copies)
    anchors = [Anchor.from_span(old, *old_at[key]) for key in anchored]
    for length in (len(old), None):
        results = relocate_all(anchors, new, old_length=length)
        orphaned = 0
        for key, result in zip(anchored, results, strict=True):
            if key not in renumber:
                assert result.start is None, (key, result)
            elif result.start is None:
                orphaned += 1
            else:
                assert (result.start, result.end) == new_at[renumber[key]], (key, result)
        # Only the anchors whose context ran into the edited passage may be orphaned.
        assert orphaned <= 2


def test_lone_landmark_on_a_copy_between_far_landmarks_is_not_trusted() -> None:
    """Few anchors: every sentence of the first two copies and of the last two, and one
    sentence of the twin, whose letters the edit changes.  Its quote with its whole
    context then stands once, on the copy three periods back: in order between the
    landmarks around it, far apart, but moved unlike both.  It is placed on its edited
    sentence or orphaned, never on the copy."""
    for seed in range(3):
        old_copies = _sentences(seed)
        new_copies = [list(copy) for copy in old_copies]
        sentence = new_copies[_TWIN][5]
        new_copies[_TWIN][5] = sentence[:10] + sentence[11] + sentence[10] + sentence[12:]
        edges = [(k, j) for k in (0, 1, _COPIES - 2, _COPIES - 1) for j in range(_SENTENCES)]
        anchored = [*edges, (_TWIN, 5)]
        old, new = _join(old_copies), _join(new_copies)
        old_at, new_at = _spans(old_copies), _spans(new_copies)
        anchors = [Anchor.from_span(old, *old_at[key]) for key in anchored]
        copy_start, _ = new_at[(_SOURCE, 5)]
        for length in (len(old), None):
            results = relocate_all(anchors, new, old_length=length)
            for key, result in zip(edges, results, strict=False):
                assert (result.start, result.end) == new_at[key], (key, result)
            twin = results[-1]
            assert twin.start != copy_start, twin
            assert twin.start is None or (twin.start, twin.end) == new_at[(_TWIN, 5)], twin
