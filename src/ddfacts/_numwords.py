"""English number words, in one place: the word tables and a reader for a run of them.

:mod:`ddfacts.quantities._parse` reads claims' quantities with them ("twenty-five
followers"), :mod:`ddfacts.check._support` finds a claim's figure in a quote
("nine thousand", "the second summons") and :mod:`ddfacts.times._words` counts
units in relative times ("two years ago").  Each keeps only what is its own
(``dozen`` as a scale for quantities, ``b`` for a billion after digits in
quotes, "a few" as a count).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = [
    "CARDINALS",
    "MULTIPLIERS",
    "ORDINALS",
    "ORDINAL_VALUES",
    "SCALES",
    "SCALE_SUFFIXES",
    "TENS",
    "WORD_VALUES",
    "words_value",
]

# fmt: off
#: The cardinals zero to nineteen: ``CARDINALS[n]`` names *n*.
CARDINALS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
#: The tens twenty to ninety: ``TENS[n]`` names ``10 * (n + 2)``.
TENS: tuple[str, ...] = (
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)
#: The ordinals zeroth to nineteenth: ``ORDINALS[n]`` names the *n*-th.
ORDINALS: tuple[str, ...] = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth",
)
# fmt: on

#: Cardinal words -> value: the cardinals, then the tens.
WORD_VALUES: Mapping[str, int] = {
    **{word: value for value, word in enumerate(CARDINALS)},
    **{word: 10 * (index + 2) for index, word in enumerate(TENS)},
}
#: Ordinal words -> the number they count: zeroth to nineteenth, then twentieth to ninetieth.
ORDINAL_VALUES: Mapping[str, int] = {
    **{word: value for value, word in enumerate(ORDINALS)},
    **{word[:-1] + "ieth": 10 * (index + 2) for index, word in enumerate(TENS)},
}
#: Stems of multiplicative verbs and adjectives ("doubled", "quadrupling", "treble") -> factor.
MULTIPLIERS: Mapping[str, int] = {
    "doubl": 2,
    "tripl": 3,
    "trebl": 3,
    "quadrupl": 4,
    "quintupl": 5,
    "sextupl": 6,
    "septupl": 7,
    "octupl": 8,
}
#: Scale words -> factor.  A scale below a thousand multiplies the group before it; a
#: thousand or more also closes the group (see :func:`words_value`).
SCALES: Mapping[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
#: Scale suffixes written after digits (``9k``, ``1.2m``, ``3 mln``, ``2bn``) -> factor.
SCALE_SUFFIXES: Mapping[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
}


def words_value(
    words: Iterable[str], *, scales: Mapping[str, int] = SCALES, ordinals: bool = False
) -> int | None:
    """The value of one run of lower-case number words, or None.

    None when a word is not a number word, or when the run has none.  "and" is
    passed over ("two hundred and five").  A cardinal (or, with *ordinals*, an
    ordinal: "twenty first" is 21) adds to the current group; a scale below a
    thousand ("hundred", or "dozen" where *scales* has it) multiplies the group;
    a scale of a thousand or more multiplies the group and adds it to the total
    ("two hundred thousand and five" is 200,005).  A scale with no group before
    it counts one ("thousand" is 1,000).

    Args:
        words: the words of the run, in order ("twenty-five" as "twenty", "five").
        scales: the scale words and their factors (:data:`SCALES` by default).
        ordinals: whether ordinal words count as their number.
    """
    total = current = 0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in scales:
            factor = scales[word]
            current = max(current, 1) * factor
            if factor >= 1_000:
                total, current = total + current, 0
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif ordinals and word in ORDINAL_VALUES:
            current += ORDINAL_VALUES[word]
        else:
            return None
        seen = True
    return total + current if seen else None
