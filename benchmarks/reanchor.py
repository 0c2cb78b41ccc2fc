"""Benchmark re-anchoring: ddfacts against diff-match-patch and rapidfuzz, side by side.

Run ``python benchmarks/reanchor.py`` (needs the ``bench`` extra and the seed
texts in ``../shared/seeds``).  It makes edited versions of the texts and
relocates anchors into them with every method.  The truth comes from each
edit's character map (every character remembers where it came from), never
from a method under test.  Per edit kind and method it prints: anchors,
correct (the right passage), exact (to the character), orphaned, wrong
(another passage, or any answer for a deleted passage) and time per anchor.

Options: ``--seed N`` (random seed), ``--anchors N`` (per seed text and kind),
``--big-anchors N`` (anchors in the ~1 MB text), ``--peer-sample N`` (how
many of those the slow peers try; their time is the mean over the sample), ``--methods``
(comma-separated: ddfacts, dmp, dmp wide, rapidfuzz).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ddfacts import Anchor

Chars = list[tuple[str, int | None]]
Span = tuple[int, int] | None
#: A method: (anchor, new text, length of the old text) -> the span it answers, or None.
Finder = Callable[[Anchor, str, int], Span]

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
NOTE = "[Editor's note: this article was updated to add context and correct a name.]"


def chars_of(text: str) -> Chars:
    return [(c, i) for i, c in enumerate(text)]


def text_of(chars: Chars) -> str:
    return "".join(c for c, _ in chars)


def paragraphs(chars: Chars) -> list[Chars]:
    text = text_of(chars)
    out: list[Chars] = []
    at = 0
    for match in re.finditer(r"\n\s*\n", text):
        out.append(chars[at : match.end()])
        at = match.end()
    out.append(chars[at:])
    return [p for p in out if p]


def rewrap(chars: Chars, rng: random.Random) -> Chars:
    """Re-wrap lines at 60..72 columns (spaces become line breaks) and indent nothing."""
    width = rng.randint(60, 72)
    out: Chars = []
    column = 0
    for c, o in chars:
        if c == "\n":
            column = 0
        elif c == " " and column >= width:
            out.append(("\n", o))
            column = 0
            continue
        else:
            column += 1
        out.append((c, o))
    return out


STRAIGHT = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2014": "--",
    "\u2013": "-",
    "\u2026": "...",
    "\u00a0": " ",
}


def straighten(chars: Chars, rng: random.Random) -> Chars:
    """Straighten quotes, dashes, ellipses; curl straight quotes the other way round."""
    out: Chars = []
    for c, o in chars:
        if c in STRAIGHT:
            out.extend((r, o) for r in STRAIGHT[c])
        elif c == "'":
            out.append(("\u2019", o))
        elif c == "-" and rng.random() < 0.5:
            out.append(("\u2013", o))
        else:
            out.append((c, o))
    return out


def move_paragraphs(chars: Chars, rng: random.Random) -> Chars:
    """Move two paragraphs elsewhere and insert two editor's notes."""
    paras = paragraphs(chars)
    for _ in range(2):
        if len(paras) > 2:
            para = paras.pop(rng.randrange(len(paras)))
            paras.insert(rng.randrange(len(paras) + 1), para)
    for _ in range(2):
        paras.insert(rng.randrange(len(paras) + 1), [(c, None) for c in NOTE + "\n\n"])
    return [item for para in paras for item in para]


def typos(chars: Chars, rng: random.Random, rate: float = 0.01) -> Chars:
    """Change 1% of letters: substitute, delete, insert or swap with the next."""
    out: Chars = []
    skip = False
    for i, (c, o) in enumerate(chars):
        if skip:
            skip = False
            continue
        if c.isalpha() and rng.random() < rate:
            kind = rng.randrange(4)
            letter = rng.choice("etaoinshrdlu")
            if kind == 0:
                out.append((letter, o))
            elif kind == 1:
                continue
            elif kind == 2:
                out.extend([(c, o), (letter, None)])
            elif i + 1 < len(chars) and chars[i + 1][0].isalpha():
                out.extend([chars[i + 1], (c, o)])
                skip = True
            else:
                out.append((c, o))
        else:
            out.append((c, o))
    return out


SENTENCE = re.compile(r"[^.!?\n]+[.!?]+(?=\s)")


def delete_sentences(chars: Chars, rng: random.Random, share: float = 0.1) -> Chars:
    """Delete about 10% of the sentences, with the space after each."""
    text = text_of(chars)
    drop = [False] * len(chars)
    for match in SENTENCE.finditer(text):
        if rng.random() < share:
            for k in range(match.start(), min(len(chars), match.end() + 1)):
                drop[k] = True
    return [item for item, gone in zip(chars, drop, strict=True) if not gone]


def combined(chars: Chars, rng: random.Random) -> Chars:
    chars = delete_sentences(chars, rng)
    chars = move_paragraphs(chars, rng)
    chars = straighten(chars, rng)
    chars = typos(chars, rng)
    return rewrap(chars, rng)


KINDS: dict[str, Callable[[Chars, random.Random], Chars]] = {
    "rewrap": rewrap,
    "straighten": straighten,
    "moves+notes": move_paragraphs,
    "typos 1%": typos,
    "deleted": delete_sentences,
    "combined": combined,
}


def pick_anchors(text: str, count: int, rng: random.Random) -> list[Anchor]:
    """Anchors on word boundaries inside one sentence: a clause of 3-12 words or a sentence."""
    sentences = [m for m in SENTENCE.finditer(text) if len(m.group().split()) >= 4]
    anchors: list[Anchor] = []
    for _ in range(count):
        sentence = rng.choice(sentences)
        words = list(re.finditer(r"\S+", sentence.group()))
        if rng.random() < 0.3 or len(words) <= 3:
            first, last = words[0], words[-1]
        else:
            size = rng.randint(3, min(12, len(words)))
            at = rng.randrange(len(words) - size + 1)
            first, last = words[at], words[at + size - 1]
        start = sentence.start() + first.start()
        end = sentence.start() + last.end()
        anchors.append(Anchor.from_span(text, start, end))
    return anchors


def truth(chars: Chars, anchor: Anchor) -> Span:
    """Where the anchor's characters went: first to last surviving one, or None."""
    kept = [i for i, (_, o) in enumerate(chars) if o is not None and anchor.start <= o < anchor.end]
    return (kept[0], kept[-1] + 1) if kept else None


def truths(chars: Chars, anchors: list[Anchor]) -> list[Span]:
    where: dict[int, int] = {o: i for i, (_, o) in enumerate(chars) if o is not None}
    out: list[Span] = []
    for a in anchors:
        kept = [where[k] for k in range(a.start, a.end) if k in where]
        out.append((min(kept), max(kept) + 1) if kept else None)
    return out


def ddfacts_finder(anchor: Anchor, text: str, old_length: int) -> Span:
    """ddfacts as ``ddfacts reanchor`` uses it: the Source records the old text's length."""
    r = anchor.relocate(text, old_length=old_length)
    return None if r.start is None or r.end is None else (r.start, r.end)


def ddfacts_blind_finder(anchor: Anchor, text: str, old_length: int) -> Span:
    """ddfacts without the old text's length (nearness then counts only within 8 code points)."""
    r = anchor.relocate(text)
    return None if r.start is None or r.end is None else (r.start, r.end)


def dmp_finder(distance: int) -> Finder:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Match_Distance = distance
    dmp.Match_MaxBits = 0  # no 32-character cap: search with the whole quote

    def find(anchor: Anchor, text: str, old_length: int) -> Span:
        loc = dmp.match_main(text, anchor.exact, min(anchor.start, len(text)))
        return None if loc == -1 else (loc, loc + len(anchor.exact))

    return find


def rapidfuzz_finder(anchor: Anchor, text: str, old_length: int) -> Span:
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(anchor.exact, text, score_cutoff=80)
    return None if found is None else (found.dest_start, found.dest_end)


METHODS: dict[str, Finder] = {
    "ddfacts": ddfacts_finder,
    "ddf nolen": ddfacts_blind_finder,
    "dmp": dmp_finder(1000),
    "dmp wide": dmp_finder(100_000),
    "rapidfuzz": rapidfuzz_finder,
}


class Tally:
    def __init__(self) -> None:
        self.n = self.correct = self.exact = self.orphaned = self.wrong = 0
        self.gone = self.seconds = 0.0
        self.orphaned_gone = 0

    def add(self, answer: Span, true: Span, seconds: float) -> None:
        self.n += 1
        self.seconds += seconds
        if true is None:
            self.gone += 1
            if answer is None:
                self.orphaned += 1
                self.orphaned_gone += 1
                self.correct += 1
            else:
                self.wrong += 1
        elif answer is None:
            self.orphaned += 1
        elif answer[0] < true[1] and true[0] < answer[1]:
            self.correct += 1
            self.exact += answer == true
        else:
            self.wrong += 1


def run(
    kind: str,
    pairs: list[tuple[str, int, list[Anchor], list[Span]]],
    results: dict[tuple[str, str], Tally],
    methods: list[str],
    sample: int | None,
) -> None:
    for method in methods:
        tally = results.setdefault((kind, method), Tally())
        for new_text, old_length, anchors, spans in pairs:
            limit = len(anchors) if sample is None or method.startswith("dd") else sample
            for anchor, true in list(zip(anchors, spans, strict=True))[:limit]:
                began = time.perf_counter()
                answer = METHODS[method](anchor, new_text, old_length)
                tally.add(answer, true, time.perf_counter() - began)


def near_copies(texts: list[str], size: int, rng: random.Random) -> str:
    """About *size* code points of the texts, copied over and over with small changes."""
    words = [w for t in texts for w in t.split()]
    pieces: list[str] = []
    total = 0
    while total < size:
        for text in texts:

            def vary(m: re.Match[str]) -> str:
                if rng.random() < 0.03:
                    return rng.choice(words)
                if m.group().isdigit() and rng.random() < 0.3:
                    return str(rng.randint(1, 99999))
                return m.group()

            copy = re.sub(r"[^\W\d]+|\d+", vary, text)
            pieces.append(copy)
            total += len(copy)
    return "\n\n".join(pieces)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240)
    parser.add_argument("--anchors", type=int, default=60)
    parser.add_argument("--big-anchors", type=int, default=1000)
    parser.add_argument("--peer-sample", type=int, default=100)
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated")
    args = parser.parse_args()
    if not SEEDS.is_dir():
        sys.stderr.write(f"the seed texts are not here ({SEEDS}); nothing to measure\n")
        return 2
    rng = random.Random(args.seed)
    texts = [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    results: dict[tuple[str, str], Tally] = {}
    methods = [name for name in args.methods.split(",") if name in METHODS]
    for kind, edit in KINDS.items():
        pairs = []
        for text in texts:
            anchors = pick_anchors(text, args.anchors, rng)
            chars = edit(chars_of(text), rng)
            pairs.append((text_of(chars), len(text), anchors, truths(chars, anchors)))
        run(kind, pairs, results, methods, None)
    big = near_copies(texts, 1_000_000, rng)
    anchors = pick_anchors(big, args.big_anchors, rng)
    for kind, edit in (("1MB near-copies", typos), ("1MB combined", combined)):
        chars = edit(chars_of(big), rng)
        run(
            kind,
            [(text_of(chars), len(big), anchors, truths(chars, anchors))],
            results,
            methods,
            args.peer_sample,
        )
    print(
        f"{'kind':<16} {'method':<10} {'n':>5} {'found':>7} {'exact':>7} {'orphaned':>9} "
        f"{'deleted':>8} {'del.orph':>8} {'wrong':>6} {'ms/anchor':>10}"
    )
    for (kind, method), t in results.items():
        live = t.n - int(t.gone)
        pct = 100.0 / live if live else 0.0
        found = t.correct - t.orphaned_gone
        print(
            f"{kind:<16} {method:<10} {t.n:>5} {found * pct:>6.1f}% {t.exact * pct:>6.1f}% "
            f"{(t.orphaned - t.orphaned_gone) * pct:>8.1f}% {int(t.gone):>8} "
            f"{t.orphaned_gone:>8} {t.wrong:>6} {1000 * t.seconds / max(t.n, 1):>10.2f}"
        )
    print(
        "found, exact, orphaned: % of the anchors whose passage survives; deleted: anchors whose\n"
        "passage was deleted; del.orph: of those, answered orphaned; wrong: another passage, or\n"
        "any answer for a deleted one."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
