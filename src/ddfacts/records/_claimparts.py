"""The parts of a claim added in format 1.1: what the texts say beyond subject-property-value.

* :class:`Proposition` — the asserted text as the speaker puts it, with the
  entities it is ``about`` ("Y asserts something about X");
* :class:`Certainty` — how firmly the speaker asserts it (FactBank's
  certain / probable / possible; negation is the attribution's ``negated``);
* :class:`Hop` — one link of a chain of reported speech (speaker -> outlet ->
  translator -> publisher), each with its mode and language;
* :class:`Condition` — which members of a group a value counts or covers
  ("missions that have more than 5,000 followers"), the threshold a Quantity;
* :class:`Members` — a claim about members of a group, not the group itself
  (each, all, most, some, the average; named members; all except named ones);
* :class:`Ranking` and :class:`Rank` — a position in a declared ranking
  (what is ranked, by what measure, in which order, as of when).

Records are frozen, slotted attrs classes; JSON members derive from the
fields (:mod:`ddfacts.jsonio._fields`).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..quantities._value import Quantity
from ..times._span import TimeSpan
from ._fields import any_id, id_of, ids, language, non_empty_str, optional_id, to_tuple
from ._rules import members_overlap, rank_position

__all__ = [
    "Certainty",
    "Condition",
    "Hop",
    "Members",
    "Mode",
    "Proposition",
    "Rank",
    "RankOrder",
    "Ranking",
    "Scope",
]


class Mode(str, enum.Enum):
    """How a source (or a hop of a chain) carries a claim."""

    #: The source asserts it in its own voice (the author's own statement).
    STATES = "states"
    #: The source quotes the speaker's words.
    QUOTES = "quotes"
    #: The source gives the speaker's words in its own.
    PARAPHRASES = "paraphrases"
    #: The source reports that the speaker said it, without endorsing it.
    REPORTS = "reports"
    #: The source reports it and disputes it.
    DISPUTES = "disputes"
    #: The source gives a translation of the speaker's words.
    TRANSLATES = "translates"


class Certainty(str, enum.Enum):
    """How firmly the speaker asserts a claim (FactBank's degrees of factuality)."""

    #: Asserted as a fact ("has 9,000 followers").
    CERTAIN = "certain"
    #: Asserted as likely ("probably via direct message", "apparently single handedly").
    PROBABLE = "probable"
    #: Asserted as possible ("may be one of the more influential", "seems to").
    POSSIBLE = "possible"


@attrs.frozen(kw_only=True)
class Proposition:
    """The asserted content in words, as the speaker puts it, and what it is about.

    A claim may carry a proposition instead of a subject-property-value
    triple (Putin "spoke of information attacks by the West") or as well as
    one (the words beside their structured reading).
    """

    #: The proposition as one sentence, in the speaker's terms.
    text: str = attrs.field(validator=non_empty_str)
    #: Ids of the records it is about (actors, events...).
    about: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Language of ``text`` when it is not the source's.
    language: str | None = attrs.field(default=None, validator=language)


@attrs.frozen(kw_only=True)
class Hop:
    """One link of a chain of reported speech: who passed the words on, and how.

    A chain runs from the speaker outward: each hop is an actor that carried
    the words (an outlet, a translator, an embassy relaying them), with the
    mode it carried them in and the language it gave them in; the last link
    is the attribution's own source.
    """

    #: Actor id of who carried the words at this hop.
    by: str = attrs.field(validator=id_of("actor"))
    #: How this hop carried them.
    mode: Mode = attrs.field(default=Mode.REPORTS, converter=Mode)
    #: Language the words were given in at this hop.
    language: str | None = attrs.field(default=None, validator=language)
    #: The Source record of this hop's publication, when there is one.
    source: str | None = attrs.field(default=None, validator=optional_id)


@attrs.frozen(kw_only=True)
class Condition:
    """Which members a value counts or covers: those whose ``property`` is ``value``.

    "Missions that have more than 5,000 followers" is
    ``Condition(property="followers", value=Quantity(lower=5000, ...))``.
    """

    #: The members' property the condition tests, from the vocabulary.
    property: str = attrs.field(validator=non_empty_str)
    #: The bound it must meet.
    value: Quantity = attrs.field(validator=attrs.validators.instance_of(Quantity))


class Scope(str, enum.Enum):
    """Which members of a group a claim is about."""

    #: Each member on its own ("each has at most 150 subscribers").
    EACH = "each"
    #: All members together, or every member.
    ALL = "all"
    #: Most members.
    MOST = "most"
    #: Some members, not named.
    SOME = "some"
    #: A typical or average member ("an average mission has 1,000 to 3,000 followers").
    AVERAGE = "average"


@attrs.frozen(kw_only=True)
class Members:
    """A claim about members of its subject (a group), not about the group itself."""

    #: Which members: each, all, most, some, the average.
    scope: Scope = attrs.field(converter=Scope)
    #: Ids of the members meant, when the text names them.
    named: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Ids of the members the text leaves out ("except Kuwait").
    excluding: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)

    def __attrs_post_init__(self) -> None:
        message = members_overlap(self.named, self.excluding)
        if message is not None:
            raise ValueError(message)


class RankOrder(str, enum.Enum):
    """Which end of a ranking is first."""

    #: The largest first ("the fourth largest", "in descending order").
    DESCENDING = "descending"
    #: The smallest first.
    ASCENDING = "ascending"


@attrs.frozen(kw_only=True)
class Ranking:
    """A declared ranking: what is ranked, by what measure, in which order, as of when.

    Two ranks belong to one ranking when their rankings are equal, so ranks
    in one ranking can be checked against each other.
    """

    #: Id of the group whose members are ranked.
    of: str = attrs.field(validator=any_id)
    #: What they are ranked by: a vocabulary property (``followers``) or words (``impact``).
    measure: str = attrs.field(validator=non_empty_str)
    #: Which end is first.
    order: RankOrder = attrs.field(default=RankOrder.DESCENDING, converter=RankOrder)
    #: When the ranking holds.
    as_of: TimeSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TimeSpan))
    )
    #: The members ranked, when only some are (the three missions "in descending order").
    among: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)


def _position(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    message = rank_position(value)
    if message is not None:
        raise ValueError(message)


@attrs.frozen(kw_only=True)
class Rank:
    """A claim value: a position in a declared ranking ("the fourth largest")."""

    #: The position, 1 for the first.
    position: int = attrs.field(validator=_position)
    #: The ranking it is a position in.
    ranking: Ranking = attrs.field(validator=attrs.validators.instance_of(Ranking))
    #: Whether the text says others share the position.
    tied: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
