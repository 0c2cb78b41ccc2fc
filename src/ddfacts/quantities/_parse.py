"""Read the quantities of news text ("more than 9,000 followers") into :class:`Quantity` values.

:func:`parse_quantity` reads, case-insensitively:

- figures: ``9,000``, ``38 100``, ``2.5``, ``1.2 million``, ``$5``; a figure in
  parentheses ("followers (46,600)") counts when the text has no other figure;
- number words: "two", "five times", "Eighty per cent", "twenty-five",
  "two hundred", "three million";
- vague plurals as lower bounds: "dozens of" (at least 24), "hundreds of"
  (at least 200), "thousands of" (2,000), "tens of thousands of" (20,000),
  "hundreds of thousands of" (200,000), "millions of" (2,000,000);
- qualifiers: "about / some / around / approximately / roughly" (approximately,
  N ± 10%), "nearly / almost" (approximately, N − 10%..N), "over / more than /
  above" (more than), "at least / no fewer than" (at least), "under / less than /
  fewer than / below" (less than), "up to / at most / not more than / no more
  than" (at most), "between X and Y", "X to Y", "X–Y" (between);
- the unit: the counted noun after the figure, singular ("followers" ->
  ``follower``, "people" -> ``person``), ``percent`` for "%", "per cent" and
  "percent", ``time`` for "five times", currency signs as ``dollar``, ``euro``,
  ``pound``; None when no noun follows;
- growth factors: "doubled", "more than quadrupling", "a tenfold rise",
  "10-fold": the factor, unit ``time`` (as "five times");
- ordinals and ranks, when the text has no cardinal figure: an ordinal is an
  exact quantity of its number ("Second", "the tenth", "21st", "twenty-first").
  When it ranks (alone, before a superlative, "by …", "in this list", "place")
  the unit is ``place`` (the vocabulary's unit of ``rank``): "the fourth
  largest" is 4 places; before a noun it is that noun, since the ordinal
  counts it: "the third summons" is the 3rd summons (exact 3, ``summons``).
  A superlative with no ordinal is first place: "the most followed", "the
  largest" (not "most people", which is no rank).
"""

from __future__ import annotations

import itertools
import re

import attrs

from .._numwords import (
    MULTIPLIERS,
    ORDINAL_VALUES,
    SCALE_SUFFIXES,
    SCALES,
    WORD_VALUES,
    words_value,
)
from ..errors import QuantityParseError
from ..limits import MAX_PHRASE_CHARS
from ._rules import fits_float
from ._scan import VAGUE, outside_parentheses, parenthesized, vague_plural
from ._value import Number, Qualifier, Quantity

__all__ = ["parse_quantity"]

#: Scale words for quantities: the shared ones, and "dozen" ("two dozen" is 24).
_SCALES: dict[str, int] = {"dozen": 12, **SCALES}

#: Qualifier phrases, longest first, -> qualifier ("nearly" is handled apart).
_QUALIFIERS = [
    ("not more than", Qualifier.AT_MOST),
    ("no more than", Qualifier.AT_MOST),
    ("not less than", Qualifier.AT_LEAST),
    ("no less than", Qualifier.AT_LEAST),
    ("no fewer than", Qualifier.AT_LEAST),
    ("not fewer than", Qualifier.AT_LEAST),
    ("in excess of", Qualifier.MORE_THAN),
    ("upwards of", Qualifier.MORE_THAN),
    ("more than", Qualifier.MORE_THAN),
    ("greater than", Qualifier.MORE_THAN),
    ("over", Qualifier.MORE_THAN),
    ("above", Qualifier.MORE_THAN),
    ("at least", Qualifier.AT_LEAST),
    ("a minimum of", Qualifier.AT_LEAST),
    ("less than", Qualifier.LESS_THAN),
    ("fewer than", Qualifier.LESS_THAN),
    ("under", Qualifier.LESS_THAN),
    ("below", Qualifier.LESS_THAN),
    ("at most", Qualifier.AT_MOST),
    ("up to", Qualifier.AT_MOST),
    ("a maximum of", Qualifier.AT_MOST),
    ("approximately", Qualifier.APPROXIMATELY),
    ("an estimated", Qualifier.APPROXIMATELY),
    ("around", Qualifier.APPROXIMATELY),
    ("roughly", Qualifier.APPROXIMATELY),
    ("about", Qualifier.APPROXIMATELY),
    ("circa", Qualifier.APPROXIMATELY),
    ("close to", Qualifier.APPROXIMATELY),
    ("some", Qualifier.APPROXIMATELY),
    ("~", Qualifier.APPROXIMATELY),
    ("nearly", Qualifier.APPROXIMATELY),
    ("almost", Qualifier.APPROXIMATELY),
]
_NEARLY = {"nearly", "almost"}
_QUALIFIER_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p, _ in _QUALIFIERS) + r")(?![\w-])\s*"
)

_A_WORDS = ["a hundred", "a thousand", "a million", "a billion", "a dozen"]
_WORD = "|".join(sorted([*WORD_VALUES, *_SCALES, *_A_WORDS], key=len, reverse=True))
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u202f\u2009]\d{3})+(?![\d.,])|\d+(?:\.\d+)?|\.\d+"
)
_FIGURE = re.compile(
    rf"(?P<cur>[$€£])?(?P<num>{_DIGITS})(?:\s*(?P<scale>hundred|thousand|million|billion)\b"
    rf"|(?P<suffix>k|mln|bn|m)\b)?"
    rf"|(?<![\w-])(?P<words>(?:(?:{_WORD})(?:[\s-]+(?:and\s+)?)?)*(?:{_WORD}))(?![\w-])",
)
_ORDINAL_WORD = "|".join(sorted(ORDINAL_VALUES, key=len, reverse=True))
_ORDINAL = re.compile(
    rf"(?<![\w-])(?:(?P<words>(?:(?:{_WORD})[\s-]+(?:and\s+)?)*(?:{_ORDINAL_WORD}))"
    r"|(?P<digits>\d+)(?:st|nd|rd|th))(?![\w-])"
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_ORDINAL_AFTER = re.compile(rf"(?:[\s-]+(?:and|{_WORD}))*[\s-]+(?:{_ORDINAL_WORD})(?![\w-])")
_SUPERLATIVES = (
    "largest|biggest|greatest|highest|lowest|smallest|strongest|weakest|fastest|slowest|"
    "richest|poorest|longest|shortest|oldest|youngest|newest|widest|busiest|deadliest|"
    "wealthiest|best|worst|top"
)
_RANKING = re.compile(
    rf"(?:very\s+)?(?:most|least|{_SUPERLATIVES})\b"
    r"|(?:by|in|among|on|out|of|place|position|overall)\b"
)
_SUPERLATIVE = re.compile(
    rf"(?<![\w-])the\s+(?:very\s+)?(?:(?:most|least)\s+[^\W\d_]|(?:{_SUPERLATIVES})\b)"
)
_MULTIPLIER = re.compile(rf"(?<![\w-])({'|'.join(MULTIPLIERS)})(?:e|ed|es|ing)(?![\w-])")
_FOLD = re.compile(rf"(?<![\w-])(?P<num>\d+(?:\.\d+)?|{_WORD})[\s-]?fold(?![\w-])")
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|and)\s*")
_STOP = {
    "and", "or", "to", "in", "on", "of", "at", "by", "for", "from", "with", "than", "the",
    "a", "an", "per", "who", "that", "which", "is", "are", "was", "were", "each",
}  # fmt: skip
_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child",
    "times": "time", "media": "media", "news": "news", "series": "series",
    "summons": "summons", "summonses": "summons",
}  # fmt: skip
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound"}


def _words_value(words: str) -> int | None:
    """The value of number words ("two hundred", "twenty-five", "a dozen"), or None."""
    words = re.sub(r"^an? ", "one ", words)
    tokens = [word for word in re.split(r"[\s-]+", words.replace(" and ", " ")) if word]
    return words_value(tokens, scales=_SCALES)


def _number(match: re.Match[str]) -> Number | None:
    if match["words"] is not None:
        return _words_value(match["words"])
    digits = re.sub(r"[,\s\u202f\u2009]", "", match["num"])
    value: Number = float(digits) if "." in digits else int(digits)
    scale = _SCALES.get(match["scale"] or "") or SCALE_SUFFIXES.get(match["suffix"] or "")
    if scale:
        value = value * scale
        value = int(value) if isinstance(value, float) and value.is_integer() else value
    return value


def singular(noun: str) -> str:
    """The singular of an English plural noun, by common rules ("replies" -> "reply")."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|z)es$", noun):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


def _unit(rest: str, currency: str | None) -> str | None:
    if currency:
        return _CURRENCY[currency]
    rest = rest.strip()
    if re.match(r"(?:%|per\s*cent\b|percent\b|pct\b)", rest):
        return "percent"
    match = re.match(r"(?:of\s+)?([^\W\d_][\w'-]*)(?:\s+([^\W\d_][\w'-]*))?", rest)
    if match is None or match[1] in _STOP:
        return None
    noun, following = match[1], match[2]
    if following and following not in _STOP and _plural(following) and not _plural(noun):
        # An adjective before the counted noun: "15,000 Russian users".
        noun = following
    return singular(noun)


def _plural(word: str) -> bool:
    return word in _IRREGULAR or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _noun_before(text: str) -> str | None:
    """The noun a parenthesized figure counts: the word before the parentheses."""
    match = re.search(r"([^\W\d_][\w'-]*)\s*$", text)
    if match is None or match[1] in _STOP:
        return None
    return singular(match[1])


def _figures(text: str) -> list[re.Match[str]]:
    """The first two cardinal figures of *text* ("21st", "one hundred and first" are ordinals).

    A quantity reads at most two (a range), so the scan stops there.
    """
    figures = (
        m
        for m in _FIGURE.finditer(text)
        if _number(m) is not None
        and not (m["num"] and _ORDINAL_SUFFIX.match(text, m.end()))
        and not (m["words"] and _ORDINAL_AFTER.match(text, m.end()))
    )
    return list(itertools.islice(figures, 2))


def _fold(low: str) -> tuple[Number, str] | None:
    """A growth factor ("10-fold", "tenfold") and the text before it, or None."""
    match = _FOLD.search(low)
    if match is None:
        return None
    num = match["num"]
    value: Number | None = (
        float(num) if "." in num else int(num) if num.isdigit() else _words_value(num)
    )
    return None if value is None else (value, low[: match.start()])


def _rank_or_factor(low: str) -> tuple[Number, str | None, str] | None:
    """An ordinal, a superlative or a multiplicative verb: (number, unit, text before)."""
    match = _ORDINAL.search(low)
    if match is not None:
        if match["digits"] is not None:
            value: Number | None = int(match["digits"])
        else:
            tokens = [w for w in re.split(r"[\s-]+", match["words"]) if w]
            value = words_value(tokens, scales=_SCALES, ordinals=True)
        if value is not None:
            rest = low[match.end() :].strip()
            noun = None if not rest or _RANKING.match(rest) else _unit(rest, None)
            return value, noun or "place", low[: match.start()]
    match = _SUPERLATIVE.search(low)
    if match is not None:
        return 1, "place", low[: match.start()]
    match = _MULTIPLIER.search(low)
    if match is not None:
        return MULTIPLIERS[match[1]], "time", low[: match.start()]
    return None


class _OutOfRange(Exception):
    """Internal: a figure of the text does not fit a 64-bit float."""


def _finite(value: Number) -> Number:
    """*value*, when it fits a 64-bit float (as every bound must); raises :class:`_OutOfRange`."""
    if not fits_float(value):
        raise _OutOfRange
    return value


def parse_quantity(text: str) -> Quantity:
    """The :class:`~ddfacts.quantities.Quantity` that *text* gives.

    Raises:
        QuantityParseError: *text* holds no number, a figure beyond the range
            of a 64-bit float (about 1.8e308), or is longer than
            :data:`~ddfacts.limits.MAX_PHRASE_CHARS` characters (a ValueError).

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {text!r}")
    if len(text) > MAX_PHRASE_CHARS:
        raise QuantityParseError(
            f"{text[:40]!r}... is {len(text)} characters long; a quantity has at most "
            f"{MAX_PHRASE_CHARS} (ddfacts.limits.MAX_PHRASE_CHARS)"
        )
    try:
        return _parse(text)
    except _OutOfRange:
        raise QuantityParseError(
            f"{text!r}: a figure is beyond the range of a 64-bit float (about 1.8e308)"
        ) from None


def _parse(text: str) -> Quantity:
    """:func:`parse_quantity` on *text* once its length is checked."""
    low = re.sub(r"\s+", " ", text.lower().replace("\u00a0", " ")).strip()
    vague = vague_plural(low)
    if vague is not None:
        floor = VAGUE[vague[0]]
        unit = _unit(low[vague[1] :], None)
        return Quantity(
            amount=floor, lower=floor, qualifier=Qualifier.AT_LEAST, unit=unit, expression=text
        )
    outside = outside_parentheses(low)
    fold = _fold(outside)
    if fold is not None:
        return _qualified(fold[0], "time", fold[1], text)
    figures = _figures(outside)
    if not figures:
        inside = parenthesized(low)
        figures = _figures(inside[1]) if inside else []
        if inside is None or not figures:
            ranked = _rank_or_factor(outside)
            if ranked is None:
                raise QuantityParseError(f"{text!r} holds no number ddfacts understands")
            return _qualified(ranked[0], ranked[1], ranked[2], text)
        opening, inner = inside
        unit = _unit(inner[figures[0].end() :], figures[0]["cur"])
        noun = unit or _noun_before(low[:opening])
        # The inner text holds no ")" and so no parenthesis of its own: one level only.
        found = _parse(inner)
        return attrs.evolve(found, unit=found.unit or noun, expression=text)
    first = figures[0]
    before = outside[: first.start()]
    amount = _number(first)
    assert amount is not None
    second = figures[1] if len(figures) > 1 else None
    between = re.search(r"\b(?:between|from)\s*$", before) is not None
    if second is not None and (
        between or _RANGE_SEP.fullmatch(outside[first.end() : second.start()] + " ")
    ):
        upper = _number(second)
        assert upper is not None
        lower, upper = _finite(amount), _finite(upper)
        if lower > upper:
            raise QuantityParseError(f"{text!r}: the range runs from {lower} down to {upper}")
        unit = _unit(outside[second.end() :], first["cur"] or second["cur"])
        return Quantity(
            lower=lower, upper=upper, qualifier=Qualifier.BETWEEN, unit=unit, expression=text
        )
    return _qualified(amount, _unit(outside[first.end() :], first["cur"]), before, text)


def _qualified(amount: Number, unit: str | None, before: str, text: str) -> Quantity:
    """The quantity of *amount* with the qualifier written in *before*, if any."""
    _finite(amount)
    qualifiers = _QUALIFIER_RE.findall(before)
    if not qualifiers:
        return Quantity(
            amount=amount, lower=amount, upper=amount, qualifier=Qualifier.EXACT, unit=unit,
            expression=text,
        )  # fmt: skip
    phrase = qualifiers[-1].strip()
    qualifier = dict(_QUALIFIERS)[phrase]
    if qualifier is Qualifier.APPROXIMATELY:
        approx = Quantity.approximately(amount, unit=unit, expression=text)
        if phrase in _NEARLY:
            return Quantity(
                amount=amount, lower=approx.lower, upper=amount, qualifier=qualifier, unit=unit,
                expression=text,
            )  # fmt: skip
        return approx
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return Quantity(
            amount=amount, lower=amount, qualifier=qualifier, unit=unit, expression=text
        )
    return Quantity(amount=amount, upper=amount, qualifier=qualifier, unit=unit, expression=text)
