"""Fast loading: records built directly from values the compiled schemas accept.

Loading a record through :mod:`ddfacts.jsonio._codec` checks every field twice: the
codec checks its JSON type, then the attrs validators check the Python value
(a type, an id pattern, a language tag).  For a value that passed the
compiled shape check (:mod:`ddfacts.jsonio._fast._shape`) most of those
checks cannot fail, so :func:`structure_fast` builds the record with the
generated builder of its class (:mod:`ddfacts.jsonio._fast._build`), which
runs only the checks the schemas do not imply.

Anything unexpected makes it give up (``None``); the caller then runs the
codec, which raises the exact error it always did.  So the fast path
changes speed only, never a result or a message.

:func:`structure_trusted` skips the shape check too: it is for a value
parsed from text this program wrote itself from a record it had validated
(a fact store's row whose digest says it is as built,
:mod:`ddfacts.store._digest`).  It compiles only the builder of each type it
meets, never the shape checks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from ...records import RECORD_CLASSES, Record
from ._build import GiveUp, builder_for
from ._shape import check_for

__all__ = ["TRUSTED_WARM_UP", "WARM_UP", "Warming", "structure_fast", "structure_trusted"]

#: Records a bulk load reads through the codec before it compiles the fast path:
#: compiling the schemas costs about as much as loading a few hundred records.
WARM_UP = 256
#: Records a reader of trusted values (:func:`structure_trusted`) reads through the
#: codec first: one type's builder compiles in about 2 ms, the cost of about ten
#: records through the codec, so a call reading a few records never compiles one.
TRUSTED_WARM_UP = 16

#: What the builders give up with: the value is not what they expect.
_GIVE_UPS = (GiveUp, ValueError, TypeError, KeyError, AttributeError, OverflowError)

_Fast = tuple[Callable[[Any], bool], Callable[[dict[str, Any]], Any]]


@cache
def _by_type() -> dict[str, _Fast]:
    """Each record type's compiled shape check and builder, made on first use."""
    return {name: (check_for(name), builder_for(cls)) for name, cls in RECORD_CLASSES.items()}


def structure_fast(value: Any) -> Record | None:
    """The record of a JSON value when the fast path can vouch for it, else None.

    None means "use the codec": the value failed the compiled shape check or
    one of the checks the schema does not imply, and the codec will say why.
    """
    if type(value) is not dict:
        return None
    kind = value.get("type")
    if type(kind) is not str:
        return None
    fast = _by_type().get(kind)
    if fast is None or not fast[0](value):
        return None
    try:
        record: Record = fast[1](value)
    except _GIVE_UPS:
        return None
    return record


@cache
def _builder(kind: str) -> Callable[[dict[str, Any]], Any]:
    """The builder of record type *kind* (a key of RECORD_CLASSES), compiled on first use."""
    return builder_for(RECORD_CLASSES[kind])


def structure_trusted(value: Any) -> Record | None:
    """The record of a JSON value this program wrote from a valid record, else None.

    Only the generated builder runs, without the compiled shape check:
    call it only for a value known to be as written (a store row whose
    digest matches, :mod:`ddfacts.store._digest`).  It still gives up
    (None: use the codec) on a value the builder cannot take, and never
    raises for one.
    """
    if type(value) is not dict:
        return None
    kind = value.get("type")
    if type(kind) is not str or kind not in RECORD_CLASSES:
        return None
    try:
        record: Record = _builder(kind)(value)
    except _GIVE_UPS:
        return None
    return record


class Warming:
    """:func:`structure_fast` for bulk loads, switched on after :data:`WARM_UP` records.

    Small files never pay for compiling the schemas; big ones pay once.
    """

    __slots__ = ("_left",)

    def __init__(self, warm_up: int = WARM_UP) -> None:
        self._left = warm_up

    def __call__(self, value: Any) -> Record | None:
        """The record of *value* by the fast path, or None (warming up, or use the codec)."""
        if self._left:
            self._left -= 1
            return None
        return structure_fast(value)
