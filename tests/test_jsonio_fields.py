"""Each field once: the codec's tables and the fast builders follow the attrs classes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import ddfacts
from ddfacts.jsonio._codec import RECORD_CODECS, codec_for
from ddfacts.jsonio._fast._build import builder_for, source_of
from ddfacts.jsonio._fields import NO_DEFAULT, Kind, kind_of, members
from ddfacts.records import RECORD_CLASSES
from ddfacts.records._fields import frozen_mapping, to_tuple


@attrs.frozen(kw_only=True)
class _Inner:
    name: str


@attrs.frozen(kw_only=True)
class _Sample:
    """A class no codec was written for: every kind of member, and each sort of default."""

    id: str
    count: int | None = None
    ratio: int | float = 1
    flag: bool = False
    day: dt.date | None = None
    moment: dt.datetime | None = None
    when: dt.date | dt.datetime | None = None
    precision: ddfacts.Precision = ddfacts.Precision.YEAR
    inner: _Inner | None = None
    inners: tuple[_Inner, ...] = attrs.field(default=(), converter=to_tuple)
    tags: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    names: Mapping[str, str] = attrs.field(factory=dict, converter=frozen_mapping)
    plain: Mapping[str, str] = attrs.field(factory=dict)  # no converter: a dict, mutable


_FULL: dict[str, Any] = {
    "id": "s",
    "count": 3,
    "ratio": 0.5,
    "flag": True,
    "day": "2014-12-01",
    "moment": "2014-12-01T10:00:00+00:00",
    "when": "2014-12-01T10:00:00",
    "precision": "month",
    "inner": {"name": "a"},
    "inners": [{"name": "b"}, {"name": "c"}],
    "tags": ["x", "y"],
    "names": {"en": "A"},
    "plain": {"b": "B"},
}


class TestMembers:
    """Members come from attrs.fields: names, order, defaults, kinds."""

    def test_sample(self) -> None:
        """Names in field order; required when there is no default; defaults converted."""
        found = {member.name: member for member in members(_Sample)}
        assert list(found) == [field.name for field in attrs.fields(_Sample)]
        assert found["id"].required and found["id"].default is NO_DEFAULT
        assert not found["count"].required and found["count"].default is None
        assert found["names"].default == MappingProxyType({})
        assert found["inners"].kind == Kind("list", Kind("nested", _Inner))
        assert found["when"].kind == Kind("instant")
        assert found["ratio"].kind == Kind("number")
        assert found["precision"].kind == Kind("enum", ddfacts.Precision)

    def test_records_leave_extensions_out(self) -> None:
        """A record's members are its fields but ``extensions``, which holds ``x-`` members."""
        for cls in RECORD_CLASSES.values():
            names = [member.name for member in members(cls)]
            assert names == [f.name for f in attrs.fields(cls) if f.name != "extensions"]

    def test_unknown_type_stops(self) -> None:
        """A field of a type no rule covers is an error, not a member left out."""
        with pytest.raises(TypeError, match=r"Sample\.blob"):
            kind_of(bytes, "Sample.blob")
        with pytest.raises(TypeError):
            kind_of(dict[str, int], "Sample.map")


class TestDerived:
    """A class the codec never heard of loads, dumps and builds fast by its fields alone."""

    def test_codec_round_trip(self) -> None:
        """The codec loads every member and dumps them back, defaults left out."""
        codec = codec_for(_Sample)
        value = codec.load(_FULL, "")
        assert value.inners == (_Inner(name="b"), _Inner(name="c"))
        assert value.when == dt.datetime(2014, 12, 1, 10, 0)
        assert value.names == {"en": "A"} and value.plain == {"b": "B"}
        assert codec.dump(value) == {**_FULL, "ratio": 0.5}
        assert codec.dump(codec.load({"id": "s"}, "")) == {"id": "s"}

    def test_codec_names_the_member(self) -> None:
        """A bad member's error carries its pointer."""
        with pytest.raises(ddfacts.errors.StructureError) as caught:
            codec_for(_Sample).load({"id": "s", "inners": [{"name": 1}]}, "")
        assert caught.value.pointer == "/inners/0/name"

    def test_fast_builder_equals_the_codec(self) -> None:
        """The generated builder makes what the codec makes, also with every member absent."""
        build = builder_for(_Sample)
        codec = codec_for(_Sample)
        for when in ("2014-12-01", "2014-12-01T10:00:00+02:00"):
            full = {**_FULL, "when": when}
            assert build(full) == codec.load(full, "")
        assert build({"id": "s"}) == codec.load({"id": "s"}, "") == _Sample(id="s")

    def test_mutable_default_is_fresh(self) -> None:
        """A default from a factory of mutable values is a new one for every instance."""
        build = builder_for(_Sample)
        first, second = build({"id": "a"}), build({"id": "b"})
        assert first.plain == {} and first.plain is not second.plain
        assert type(build(_FULL).plain) is dict

    def test_source_reads_as_the_fields(self) -> None:
        """The generated source sets one slot a field, by name."""
        source = source_of(_Sample)
        for field in attrs.fields(_Sample):
            assert repr(field.name) in source


class TestRegistry:
    """The record types are dispatched from one registry, in its order."""

    def test_codecs_follow_the_record_classes(self) -> None:
        """One codec per record type, for its class."""
        assert list(RECORD_CODECS) == list(RECORD_CLASSES)
        assert all(RECORD_CODECS[name].cls is cls for name, cls in RECORD_CLASSES.items())
