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
(comma-separated: ddfacts and ddf nolen, relocating each text's anchors together with
``relocate_all``, with and without the old text's length; ddf one and ddf one nl, one
anchor at a time; dmp, dmp wide, rapidfuzz, hypothesis: a matcher in the style of the
Hypothesis client).  ``--kinds`` picks edit kinds by name (comma-separated); the text
and anchors of each kind depend on the kinds run before it, so a kind run alone sees other
anchors than in the full run.  ``--orphans`` prints every anchor that ddfacts orphaned
although its passage survives: how often its quote stands in the new text, whether the
survivor reads as the quote, and the reason ddfacts gave.  ``--wrong`` prints every wrong
answer of ddfacts: old offset, truth, answer, method and reason, and the trusted landmarks
around the anchor (old offset, new offset, shift).
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
from ddfacts.anchors import Relocation, relocate_all
from ddfacts.anchors._distance import search_distances
from ddfacts.anchors._landmarks import landmarks

Chars = list[tuple[str, int | None]]
Span = tuple[int, int] | None
#: A method: (anchor, new text, length of the old text) -> the span it answers, or None.
Finder = Callable[[Anchor, str, int], Span]
#: A batch method: (all anchors of one text, new text, old length) -> a relocation per anchor.
Batch = Callable[[list[Anchor], str, int], list[Relocation]]

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


def hypothesis_finder(anchor: Anchor, text: str, old_length: int) -> Span:
    """A matcher in the style of the Hypothesis client's quote anchoring (our own code).

    Approximate matches of the quote with at most half its length in errors are
    scored 50 x quote + 20 x prefix + 20 x suffix + 2 x position (similarities,
    position relative to the text's length) and the best is taken, with no
    margin.  The client scans the whole text for matches; to keep the benchmark
    short, matches are looked for around exact 8-character pieces of the quote
    (a match sharing none would score too low to win anyway).
    """
    quote, m = anchor.exact, len(anchor.exact)
    diagonals: set[int] = set()
    for offset in range(0, max(1, m - 7), 8):
        piece = quote[offset : offset + 8]
        at = text.find(piece)
        while at != -1:
            diagonals.add((at - offset) // max(1, m // 4))
            at = text.find(piece, at + 1)
    best: tuple[float, int, int] | None = None
    for diagonal in diagonals:
        low = max(0, diagonal * max(1, m // 4) - m // 2)
        window = text[low : low + 2 * m + m // 2]
        if not window:
            continue
        errors = search_distances(quote, window)
        least = min(errors)
        if least > m // 2:
            continue
        end = low + errors.index(least) + 1
        start = max(0, end - m)
        score = _client_score(anchor, text, start, end, least)
        if best is None or score > best[0]:
            best = (score, start, end)
    return None if best is None else (best[1], best[2])


def _client_score(anchor: Anchor, text: str, start: int, end: int, errors: int) -> float:
    from rapidfuzz.distance import Levenshtein

    def sim(a: str, b: str) -> float:
        return 1.0 if not a else 1.0 - Levenshtein.distance(a, b) / max(len(a), 1)

    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    position = 1.0 - abs(start - anchor.start) / max(len(text), 1)
    quote = 1.0 - errors / len(anchor.exact)
    return (
        50 * quote + 20 * sim(anchor.prefix, before) + 20 * sim(anchor.suffix, after) + 2 * position
    )


def _overlaps(answer: Span, true: Span) -> bool:
    """Whether *answer* counts as correct for *true* (as :class:`Tally` counts)."""
    if answer is None or true is None:
        return answer is None and true is None
    return answer[0] < true[1] and true[0] < answer[1]


def _span(r: Relocation) -> Span:
    return None if r.start is None or r.end is None else (r.start, r.end)


def ddfacts_batch(anchors: list[Anchor], text: str, old_length: int) -> list[Relocation]:
    """``relocate_all`` as ``ddfacts reanchor`` uses it: the Source records the old length."""
    return relocate_all(anchors, text, old_length=old_length)


def ddfacts_batch_blind(anchors: list[Anchor], text: str, old_length: int) -> list[Relocation]:
    """``relocate_all`` without the old length (as for imported Web Annotations)."""
    return relocate_all(anchors, text)


def show_orphan(
    kind: str, method: str, i: int, anchor: Anchor, r: Relocation, text: str, true: tuple[int, int]
) -> None:
    """One line (and a few indented) on an anchor orphaned although its passage survives:
    how often its quote stands in the new text, whether the surviving passage reads as
    the quote, and why the method gave up."""
    survivor = text[true[0] : true[1]]
    print(
        f"ORPHAN {kind} | {method} | #{i} old {anchor.start} -> truth {true[0]}; quote x"
        f"{text.count(anchor.exact)} in the new text; "
        f"{'intact' if survivor == anchor.exact else 'edited'}; context x"
        f"{text.count(anchor.prefix + anchor.exact + anchor.suffix)}\n"
        f"    quote {anchor.exact[:70]!r}\n    now   {survivor[:70]!r}\n    why   {r.reason}"
    )


def show_wrong(
    kind: str,
    method: str,
    i: int,
    anchors: list[Anchor],
    r: Relocation,
    text: str,
    true: Span,
) -> None:
    """A few lines on a wrong answer: old offset, truth, answer, method and reason, and
    the trusted landmarks bracketing the anchor (old start -> new start, shift)."""
    anchor = anchors[i]
    marks = landmarks(anchors, text)[0]
    before = [m for m in marks if m[0] <= anchor.start][-3:]
    after = [m for m in marks if m[0] > anchor.start][:3]
    print(
        f"WRONG {kind} | {method} | #{i} old {anchor.start} -> truth {true}; answer "
        f"{r.start}..{r.end} ({r.method}, score {r.score:.2f}, margin {r.margin})\n"
        f"    quote {anchor.exact[:70]!r}\n    why   {r.reason}"
    )
    for label, group in (("before", before), ("after ", after)):
        for m in group:
            print(f"    {label} #{m[3]} old {m[0]} -> new {m[1]} (shift {m[1] - m[0]:+d})")


#: Methods that relocate the anchors of one text together.
BATCHES: dict[str, Batch] = {"ddfacts": ddfacts_batch, "ddf nolen": ddfacts_batch_blind}

METHODS: dict[str, Finder] = {
    "ddf one": ddfacts_finder,
    "ddf one nl": ddfacts_blind_finder,
    "dmp": dmp_finder(1000),
    "dmp wide": dmp_finder(100_000),
    "rapidfuzz": rapidfuzz_finder,
    "hypothesis": hypothesis_finder,
}
#: What runs unless ``--methods`` says otherwise (one-at-a-time ddfacts is slower).
DEFAULT = ("ddfacts", "ddf nolen", "dmp", "dmp wide", "rapidfuzz", "hypothesis")


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
    orphans: bool = False,
    wrong: bool = False,
) -> None:
    for method in methods:
        tally = results.setdefault((kind, method), Tally())
        for new_text, old_length, anchors, spans in pairs:
            if method in BATCHES:
                began = time.perf_counter()
                answers = BATCHES[method](anchors, new_text, old_length)
                each = (time.perf_counter() - began) / max(1, len(anchors))
                for i, (r, true) in enumerate(zip(answers, spans, strict=True)):
                    tally.add(_span(r), true, each)
                    if orphans and r.start is None and true is not None:
                        show_orphan(kind, method, i, anchors[i], r, new_text, true)
                    if wrong and r.start is not None and not _overlaps(_span(r), true):
                        show_wrong(kind, method, i, anchors, r, new_text, true)
                continue
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


def insert_and_delete(chars: Chars, rng: random.Random) -> Chars:
    """New text inserted near the start, and 3,000 code points deleted in the middle."""
    at = len(chars) // 100
    added = [(c, None) for c in (NOTE + " ") * 20]
    middle = len(chars) // 2 + rng.randrange(-1000, 1000)
    return chars[:at] + added + chars[at:middle] + chars[middle + 3000 :]


def move_block(chars: Chars, rng: random.Random) -> Chars:
    """A block of consecutive paragraphs (about 3% of the text) moved far elsewhere."""
    paras = paragraphs(chars)
    size = max(1, len(paras) // 33)
    at = rng.randrange(len(paras) // 4, len(paras) // 2)
    block = paras[at : at + size]
    rest = paras[:at] + paras[at + size :]
    to = rng.randrange(3 * len(rest) // 4, len(rest))
    rest[to:to] = block
    return [item for para in rest for item in para]


def rewrite_sentences(chars: Chars, rng: random.Random, share: float = 0.05) -> Chars:
    """Rewrite 5% of the sentences: each replaced by other words of about its length."""
    text = text_of(chars)
    words = text.split()
    out: Chars = []
    at = 0
    for match in SENTENCE.finditer(text):
        if rng.random() >= share:
            continue
        out.extend(chars[at : match.start()])
        size = len(match.group().split())
        new = " ".join(rng.choice(words) for _ in range(size)) + "."
        out.extend((c, None) for c in new)
        at = match.end()
    out.extend(chars[at:])
    return out


#: The edits of the ~1 MB text of near-copies.
BIG_KINDS: dict[str, Callable[[Chars, random.Random], Chars]] = {
    "1MB typos": typos,
    "1MB ins+del": insert_and_delete,
    "1MB moved block": move_block,
    "1MB rewritten 5%": rewrite_sentences,
    "1MB combined": combined,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240)
    parser.add_argument("--anchors", type=int, default=60)
    parser.add_argument("--big-anchors", type=int, default=1000)
    parser.add_argument("--peer-sample", type=int, default=100)
    parser.add_argument("--kinds", default="", help="comma-separated edit kinds (default all)")
    parser.add_argument("--methods", default=",".join(DEFAULT), help="comma-separated")
    parser.add_argument(
        "--orphans",
        action="store_true",
        help="print each anchor a batch method orphaned although its passage survives, and why",
    )
    parser.add_argument(
        "--wrong",
        action="store_true",
        help="print each wrong answer of a batch method, with the landmarks around it",
    )
    args = parser.parse_args()
    if not SEEDS.is_dir():
        sys.stderr.write(f"the seed texts are not here ({SEEDS}); nothing to measure\n")
        return 2
    rng = random.Random(args.seed)
    texts = [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    results: dict[tuple[str, str], Tally] = {}
    methods = [name for name in args.methods.split(",") if name in METHODS or name in BATCHES]
    wanted = set(args.kinds.split(",")) if args.kinds else None
    for kind, edit in KINDS.items():
        if wanted is not None and kind not in wanted:
            continue
        pairs = []
        for text in texts:
            anchors = pick_anchors(text, args.anchors, rng)
            chars = edit(chars_of(text), rng)
            pairs.append((text_of(chars), len(text), anchors, truths(chars, anchors)))
        run(kind, pairs, results, methods, None, args.orphans, args.wrong)
    big = near_copies(texts, 1_000_000, rng)
    anchors = pick_anchors(big, args.big_anchors, rng)
    for kind, edit in BIG_KINDS.items():
        if wanted is not None and kind not in wanted:
            continue
        chars = edit(chars_of(big), rng)
        run(
            kind,
            [(text_of(chars), len(big), anchors, truths(chars, anchors))],
            results,
            methods,
            args.peer_sample,
            args.orphans,
            args.wrong,
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
