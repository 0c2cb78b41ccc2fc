"""Relocating all the anchors of one text together: landmarks guide the doubtful ones."""

from __future__ import annotations

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ddfacts import Anchor, Source, Statement
from ddfacts.anchors import Relocation, relocate_all
from ddfacts.anchors._window import BY_WINDOW, window
from ddfacts.reanchoring import reanchor

#: (character, index in the old text or None when inserted by the edit).
Chars = list[tuple[str, int | None]]


def _words(rng: random.Random, count: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(count)]


def _copies(count: int) -> str:
    """A text of near-copies: one paragraph over and over, a different number in each."""
    cell = "The embassy account posted {n} messages in its first year, the ministry said."
    return "\n\n".join(cell.format(n=1000 + 7 * i) for i in range(count))


def _anchors(text: str, quote: str) -> list[Anchor]:
    out = []
    at = text.find(quote)
    while at != -1:
        out.append(Anchor.from_span(text, at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


class TestLandmarks:
    def test_near_copies_without_old_length(self) -> None:
        """In a text of near-copies, with text inserted near the start and a passage
        deleted, every surviving quote is found exactly without the old length."""
        old = _copies(300)
        anchors = _anchors(old, "posted") + _anchors(old, "messages in its first year")
        cut = old.find("posted 1700")
        new = "A new opening paragraph. " * 40 + old[:cut] + old[cut + 400 :]
        # One quote damaged among exact copies 80 code points away: never placed on a copy.
        new = new.replace("1504 messages in its first", "1504 messages in its frist")
        results = relocate_all(anchors, new)
        for anchor, result in zip(anchors, results, strict=True):
            shift = 25 * 40 - (400 if anchor.start >= cut + 400 else 0)
            if anchor.start >= cut and anchor.end <= cut + 400:
                assert result.start is None  # deleted
            elif anchor.prefix.endswith(" 1504 ") or (
                cut - len(anchor.prefix) <= anchor.start < cut + 400 + len(anchor.suffix)
            ):
                assert result.start is None or result.start == anchor.start + shift
            else:
                assert (result.start, result.end) == (anchor.start + shift, anchor.end + shift)
        assert sum(r.start is not None for r in results) >= len(results) - 12

    def test_one_anchor_alone_is_as_before(self) -> None:
        """Without neighbours, an anchor is relocated as Anchor.relocate relocates it."""
        old = "Some words before. The press secretary said so. Some words after."
        anchor = Anchor.from_quote(old, "press secretary")
        new = "Inserted. " + old
        (result,) = relocate_all([anchor], new)
        alone = anchor.relocate(new)
        assert (result.start, result.end) == (alone.start, alone.end) == (33, 48)

    def test_empty(self) -> None:
        assert relocate_all([], "any text") == []

    def test_contradicting_landmark_not_trusted(self) -> None:
        """A passage deleted while an identical one (context and all) stands far away:
        its unique match contradicts the landmarks around it and places nothing."""
        rng = random.Random(7)
        words = _words(rng, 3000)
        body = " ".join(words)
        twin = "the press secretary said the account had nine thousand followers"
        old = body[:20000] + " " + twin + " " + body[20000:]
        anchors = [Anchor.from_span(old, at, at + 30) for at in range(0, len(old) - 40, 997)] + [
            Anchor.from_quote(old, twin)
        ]
        # The twin is deleted here, and its words (with its context) appear near the end.
        start = old.find(twin)
        framed = old[start - 32 : start + len(twin) + 32]
        new = old[: start - 32] + old[start + len(twin) + 32 :]
        new = new[:-500] + " " + framed + " " + new[-500:]
        results = relocate_all(anchors, new)
        assert results[-1].start is None or results[-1].start > len(new) - 700
        # A landmark that contradicts its neighbours is not an answer by itself.
        assert results[-1].method != "landmarks"

    def test_moved_block(self) -> None:
        """Anchors in a block of paragraphs moved elsewhere are found exactly."""
        rng = random.Random(3)
        paragraphs = [" ".join(_words(rng, 40)) + "\n\n" for _ in range(60)]
        old = "".join(paragraphs)
        anchors = [Anchor.from_span(old, at, at + 25) for at in range(0, len(old) - 30, 301)]
        new = "".join(paragraphs[:10] + paragraphs[30:50] + paragraphs[10:30] + paragraphs[50:])
        for anchor, result in zip(anchors, relocate_all(anchors, new), strict=True):
            assert new.count(anchor.exact) == 1
            assert result.start == new.find(anchor.exact)

    def test_records_method_score_margin(self) -> None:
        old = _copies(50)
        anchors = _anchors(old, "posted")
        new = "Inserted. " * 10 + old
        results = relocate_all(anchors, new, old_length=len(old))
        for result in results:
            assert result.method in {"exact", "landmarks", "position", "normalized", "fuzzy"}
            assert 0 < result.score <= 1
            assert result.margin is None or 0 <= result.margin <= 1

    def test_reanchor_counts_landmarks(self) -> None:
        """``reanchor`` relocates each source's statements together; its table counts them."""
        old = _copies(200)
        anchors = _anchors(old, "posted")
        source = Source(id="source:copies", length=len(old))
        statements = [
            Statement(id=f"statement:copies/s{i}", source=source.id, anchor=anchor)
            for i, anchor in enumerate(anchors)
        ]
        new = "An opening note. " * 30 + old
        result = reanchor([source, *statements], {source.id: new})
        assert result.ok
        assert sum(result.counts().values()) == len(anchors)


#: An invented text with handles alike; the quotes of its anchors, the handle among them.
_HANDLES = [
    "The ministry opened a new account in March, and its staff wrote the first posts by hand.",
    "Other missions followed: @RussianEmbassyUK, @RussiaInUSA and @RusEmbSwe each posted it.",
    "Its first message, signed by @RussianEmbassyC and two other handles, thanked the readers.",
    "A week later the press office said the account had gained four thousand followers.",
    "Critics noted that the posts were written in a careful register and quoted old speeches.",
    "A second account, @RussianEmbassyZA, copied several of those posts within the hour.",
]
_QUOTES = [
    "opened a new account in March",
    "each posted it",
    "@RussianEmbassyC",
    "gained four thousand followers",
    "written in a careful register",
    "copied several of those posts",
]
_INSERTED = " ".join(["An inserted sentence about something else entirely."] * 8) + " "


def _handle(paragraphs: list[str], edit: str) -> tuple[Anchor, Relocation, str]:
    """The handle's relocation when the handle is misspelt, text is inserted before its
    sentence (so the landmarks around it moved differently), and *edit* is made to it."""
    old = "\n\n".join(paragraphs)
    anchors = [Anchor.from_quote(old, quote) for quote in _QUOTES]
    new = old.replace("@RussianEmbassyC", "@RussianEmbussyC")
    new = new.replace("Its first message", _INSERTED + "Its first message")
    new = new.replace("signed by @RussianEmbussyC and two other", edit)
    results = relocate_all(anchors, new)
    assert all(r.start is not None for i, r in enumerate(results) if i != 2)  # the others
    return anchors[2], results[2], new


class TestContextAsEvidence:
    """Issue 17, point 2: a damaged short quote, placed by its context where mapped."""

    def test_damaged_quote_found_by_its_context(self) -> None:
        edit = "signed by @RussianEmbussyC and two other"
        anchor, result, new = _handle(_HANDLES, edit)
        start = new.index("@RussianEmbussyC")
        assert (result.start, result.end) == (start, start + len(anchor.exact))
        assert result.method == "landmarks"
        assert result.distance == 1
        assert result.score > 0.9
        # The landmarks around it moved differently: the window between the two places
        # they map it to is searched first, and the handle is the one passage there that
        # resembles the quote (no runner-up: no margin); nearness to the places would
        # have placed it by its context, with a margin over the handles elsewhere.
        assert result.reason == BY_WINDOW or (
            "prefix and suffix match strongly" in result.reason
            and result.margin is not None
            and result.margin > 0.2
        )
        # Alone, without the landmarks' map, the handles alike leave it orphaned.
        assert anchor.relocate(new).orphaned

    def test_weak_context_stays_orphaned(self) -> None:
        edit = "sent under @RussianEmbussyC with three more"
        _, result, _ = _handle(_HANDLES, edit)
        assert result.orphaned

    def test_context_elsewhere_outside_the_map(self) -> None:
        """The recorded context also stands around another handle one edit away, after the
        last landmark: the landmarks around the quote map it to the damaged one alone.
        (In the same region, the two would leave it orphaned:
        ``TestMappedWindow.test_two_copies_between_the_landmarks_stay_orphaned``.)"""
        twin = "Its first message, signed by @RussianEmbassyD and two other handles, ran again."
        edit = "signed by @RussianEmbussyC and two other"
        _, result, new = _handle([*_HANDLES, twin], edit)
        start = new.index("@RussianEmbussyC")
        assert (result.start, result.end) == (start, start + len("@RussianEmbussyC"))
        assert result.method == "landmarks"


def _edit(chars: Chars, rng: random.Random, kind: int, words: list[str]) -> Chars:
    n = len(chars)
    a, b = sorted(rng.sample(range(n + 1), 2))
    added: Chars = [(c, None) for c in " " + " ".join(rng.choices(words, k=rng.randint(1, 30)))]
    if kind == 0:
        return chars[:a] + added + chars[a:]
    if kind == 1:
        return chars[:a] + chars[b:]
    if kind == 2:
        block = chars[a:b]
        rest = chars[:a] + chars[b:]
        to = rng.randrange(len(rest) + 1)
        return rest[:to] + block + rest[to:]
    return chars[:a] + added + chars[b:]


def _intact(chars: Chars, lo: int, hi: int) -> int | None:
    """Where old ``lo..hi`` stands, contiguous and unchanged, in the new chars (or None)."""
    where = [i for i, (_, o) in enumerate(chars) if o is not None and lo <= o < hi]
    if len(where) != hi - lo or where[-1] - where[0] != hi - lo - 1:
        return None
    return where[0]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), st.lists(st.integers(0, 3), min_size=1, max_size=4))
@example(1212, [2, 2, 2])  # a moved quote, exact with its context, a weak look-alike where it was
def test_random_edits(seed: int, kinds: list[int]) -> None:
    """Random edits: a quote intact and unique, with a side of its context intact, is found
    exactly; a quote the edits removed is orphaned; nothing is ever placed elsewhere."""
    rng = random.Random(seed)
    words = _words(rng, 400)
    old = " ".join(rng.choices(words, k=500))
    spaces = [i for i, c in enumerate(old) if c == " "]
    anchors = []
    for _ in range(12):
        i = rng.randrange(len(spaces) - 6)
        anchors.append(Anchor.from_span(old, spaces[i] + 1, spaces[i + rng.randint(2, 5)]))
    chars: Chars = [(c, i) for i, c in enumerate(old)]
    for kind in kinds:
        chars = _edit(chars, rng, kind, words)
    new = "".join(c for c, _ in chars)
    for anchor, result in zip(anchors, relocate_all(anchors, new), strict=True):
        at = _intact(chars, anchor.start, anchor.end)
        survivors = [
            i for i, (_, o) in enumerate(chars) if o is not None and anchor.start <= o < anchor.end
        ]
        if not survivors:
            assert result.start is None, (anchor, result)
            continue
        if result.start is not None and result.end is not None:
            assert result.start < survivors[-1] + 1 and survivors[0] < result.end, (anchor, result)
        context = _intact(chars, anchor.start - len(anchor.prefix), anchor.end) is not None or (
            _intact(chars, anchor.start, anchor.end + len(anchor.suffix)) is not None
        )
        if at is not None and context and new.count(anchor.exact) == 1 and anchor.prefix:
            assert (result.start, result.end) == (at, at + len(anchor.exact)), (anchor, result)


def test_a_moved_block_of_a_repeating_text_leaves_no_wrong_answer_by_nearness() -> None:
    """Sections repeat one paragraph; one section moves to the end.  The quote inside it
    has landmarks before it (outside the block) and after it (inside) that moved apart:
    the copy now at its old place must not be taken by nearness."""
    common = (
        "The press office said the embassy had sent out many tweets over the previous two "
        "years, and that its followers had grown quickly since the spring. "
    )
    words = ["amber", "basalt", "cobalt", "dune", "ember", "fjord", "garnet", "heron"]
    sections = [
        f"Section {w} opens here{'!' * (i % 3)}. {common}Closing note on {w} follows. "
        for i, w in enumerate(words)
    ]
    old = "".join(sections)
    new = "".join(sections[:2] + sections[3:] + sections[2:3])
    anchors = []
    for i, w in enumerate(words):
        keys = [f"Closing note on {w}"] + ([f"Section {w} opens"] if i != 2 else [])
        for key in keys:
            at = old.index(key)
            anchors.append(Anchor.from_span(old, at, at + len(key)))
    quote = "sent out many"
    at = old.index(quote, old.index("Section cobalt"))
    anchors.append(Anchor.from_span(old, at, at + len(quote)))
    true = new.index(quote, new.index("Section cobalt"))
    for length in (len(old), None):
        found = relocate_all(anchors, new, old_length=length)
        assert found[-1].start in (None, true)
        for anchor, r in zip(anchors[:-1], found[:-1], strict=True):
            assert r.start is None or new[r.start : r.end] == anchor.exact


def _cell(i: int) -> str:
    """One section of a text of near-copies: its first and last lines are its own (they
    make landmarks), the two sentences between stand, context and all, in every section."""
    return (
        f"Report {i} opens with a line of its own. "
        "The embassy account posted many messages in its first year, the ministry said. "
        "Critics answered every one of those messages within the hour, in kind. "
        f"Closing remark {i} ends the section.\n\n"
    )


_SECTIONS = 40
_ASIDE = "an aside inserted by an editor, long enough to move what follows, "
_LATER = "An opening paragraph added later.\n\n"


def _mapped(quote: str, edit: tuple[str, str]) -> tuple[list[Relocation], str]:
    """Relocations of *quote* in section 20 (with and without the old length) when text
    is added at the start and *edit* (old, new) is made in section 20 only, so that the
    landmarks around the quote moved differently; and the new text."""
    old = "".join(_cell(i) for i in range(_SECTIONS))
    anchors = []
    for i in range(_SECTIONS):
        base = old.index(_cell(i))
        for key in (f"Report {i} opens", f"Closing remark {i}"):
            anchors.append(
                Anchor.from_span(old, old.index(key, base), old.index(key, base) + len(key))
            )
    at = old.index(quote, old.index(_cell(20)))
    anchors.append(Anchor.from_span(old, at, at + len(quote)))
    assert edit[0] in _cell(20)
    new = _LATER + old.replace(_cell(20), _cell(20).replace(*edit))
    found = [relocate_all(anchors, new, old_length=length)[-1] for length in (len(old), None)]
    return found, new


class TestMappedWindow:
    """Issue 17: a quote that stands, context and all, in many copies of a passage is found
    in the one copy between the landmarks around it, shifted as they were."""

    def test_whole_context_in_every_copy(self) -> None:
        quote = "posted many messages"
        edit = ("opens with", "opens, " + _ASIDE + "with")
        found, new = _mapped(quote, edit)
        start = new.index(quote, new.index("Report 20 opens"))
        for result in found:
            assert (result.start, result.end) == (start, start + len(quote))
            assert result.method == "landmarks"
            assert "anchors around it map" in result.reason

    def test_context_on_one_side_changed(self) -> None:
        """Text inserted just before the quote: only its suffix stands as recorded."""
        quote = "posted many messages"
        edit = ("own. The embassy account", "own. " + _ASIDE + "the embassy account")
        found, new = _mapped(quote, edit)
        start = new.index(quote, new.index("Report 20 opens"))
        for result in found:
            assert (result.start, result.end) == (start, start + len(quote))

    def test_damaged_quote_among_exact_copies(self) -> None:
        """A typo in the quote, with its whole context intact, while every other section
        keeps the quote exactly: the damaged one between the landmarks is the answer."""
        quote = "posted many messages"
        edit = (
            "opens with a line of its own. The embassy account posted many messages",
            "opens, " + _ASIDE + "with a line of its own. The embassy account posted many mesages",
        )
        found, new = _mapped(quote, edit)
        start = new.index("posted many mesages")
        for result in found:
            assert (result.start, result.end) == (start, start + len("posted many mesages"))
            assert result.distance == 1

    def test_long_quote_with_its_context_replaced(self) -> None:
        """Both sentences around a long quote rewritten in its section only; every other
        section still has the recorded context: the intact quote between the landmarks."""
        quote = "Critics answered every one of those messages within the hour, in kind."
        edit = (
            "The embassy account posted many messages in its first year, the ministry said. "
            + quote
            + " Closing",
            "Nothing was posted that spring, as the staff was busy moving offices. "
            + quote
            + " Afterwards, later than planned, the Closing",
        )
        found, new = _mapped(quote, edit)
        start = new.index(quote, new.index("Report 20 opens"))
        for result in found:
            assert (result.start, result.end) == (start, start + len(quote))
            assert result.method == "landmarks"

    def test_two_copies_between_the_landmarks_stay_orphaned(self) -> None:
        """The sentence repeated in its own section: two passages between the same landmarks
        carry the quote and its context, and no one could say which is the old one."""
        sentence = "The embassy account posted many messages in its first year, the ministry said. "
        edit = (sentence, sentence + _ASIDE.capitalize() + "it said. " + sentence)
        for result in _mapped("posted many messages", edit)[0]:
            assert result.orphaned

    def test_short_damaged_quote_with_weak_context_stays_orphaned(self) -> None:
        edit = (
            "The embassy account posted many messages in its first",
            "Some other office posted many mesages during its final",
        )
        for result in _mapped("posted many messages", edit)[0]:
            assert result.orphaned

    def test_long_edited_quote_with_its_context_replaced(self) -> None:
        """As above, with a typo in the quote as well: nearly intact and alone there."""
        quote = "Critics answered every one of those messages within the hour, in kind."
        edit = (
            "The embassy account posted many messages in its first year, the ministry said. "
            + quote
            + " Closing",
            "Nothing was posted that spring, as the staff was busy moving offices. "
            + quote.replace("within", "wihtin")
            + " Afterwards, later than planned, the Closing",
        )
        found, new = _mapped(quote, edit)
        start = new.index("Critics answered", new.index("Report 20 opens"))
        for result in found:
            assert (result.start, result.end) == (start, start + len(quote))
            assert result.distance == 2

    def test_quote_running_past_the_landmark_after_it(self) -> None:
        """Anchors may overlap: a quote that starts before the landmark after it and ends
        past that landmark's end may end anywhere the shifts allow; one that ends inside
        it, no later than its end; one that ends before it, before its start."""
        marks = [(0, 0, 10, 0), (100, 100, 120, 1)]
        ends = [10, 120]
        text = "x" * 1000
        for end, high in ((130, 130 + 64), (115, 120), (90, 100)):
            anchor = Anchor.from_span(text, 50, end)
            assert window(anchor, marks, ends, len(text)) == (10, high)
