"""Validation of the format 1.1 claim parts: located rules, references, vocabulary, fast pass."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts import validate
from ddfacts.problems import Location
from ddfacts.validation import check_record
from ddfacts.validation._scan import Scanner
from ddfacts.vocabulary import default_vocabulary

from .test_validation_stream import _agrees, _reference, _streamed

VOCAB = default_vocabulary()
SCANNER = Scanner(VOCAB)
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "invalid"

_CONTEXT = [
    {"type": "source", "id": "source:cp", "title": "CP", "language": "en"},
    {"type": "source", "id": "source:tass", "title": "TASS"},
    {"type": "actor", "id": "actor:net", "kind": "organization", "name": "Network"},
    {"type": "actor", "id": "actor:kuwait", "kind": "organization", "name": "Kuwait mission"},
    {"type": "actor", "id": "actor:tass", "kind": "organization", "name": "TASS"},
]

#: A claim using every 1.1 part, clean.
GOOD: dict[str, Any] = {
    "type": "claim",
    "id": "claim:six",
    "subject": "actor:net",
    "property": "followers",
    "value": {
        "quantity": {
            "amount": 6,
            "lower": 6,
            "upper": 6,
            "qualifier": "exact",
            "unit": "follower",
            "rounded_to": 1,
        }
    },
    "proposition": {"text": "six of them have more", "about": ["actor:kuwait"]},
    "members": {"scope": "some", "excluding": ["actor:kuwait"]},
    "where": {
        "property": "followers",
        "value": {"amount": 10000, "lower": 10000, "qualifier": "more_than", "unit": "follower"},
    },
    "refines": "claim:fifteen",
    "attribution": {
        "source": "source:cp",
        "mode": "reports",
        "chain": [{"by": "actor:tass", "source": "source:tass", "language": "ru"}],
        "certainty": "probable",
        "hedge": "apparently",
    },
}
#: The count GOOD narrows ("6 of the 15").
FIFTEEN: dict[str, Any] = {
    "type": "claim",
    "id": "claim:fifteen",
    "subject": "actor:net",
    "property": "followers",
    "value": {"quantity": {"amount": 15, "lower": 15, "upper": 15, "qualifier": "exact"}},
    "members": {"scope": "some"},
    "where": {
        "property": "followers",
        "value": {"amount": 5000, "lower": 5000, "qualifier": "more_than", "unit": "follower"},
    },
}
RANK: dict[str, Any] = {
    "type": "claim",
    "id": "claim:rank",
    "subject": "actor:kuwait",
    "property": "rank",
    "value": {
        "rank": {
            "position": 4,
            "ranking": {
                "of": "actor:net",
                "measure": "followers",
                "as_of": {
                    "earliest": "2016-01-01",
                    "latest": "2016-12-31",
                    "precision": "year",
                    "edtf": "2016",
                },
                "among": ["actor:kuwait"],
            },
        }
    },
}
WORDS: dict[str, Any] = {
    "type": "claim",
    "id": "claim:words",
    "proposition": {"text": "the UK mission is first by its impact", "about": ["actor:net"]},
}


def _codes(value: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p.code, p.location.pointer) for p in check_record(value, Location(), VOCAB).problems]


def _run(tmp_path: Path, *records: dict[str, Any]) -> list[tuple[str, str]]:
    path = tmp_path / "f.facts.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [*_CONTEXT, *records]))
    return [(p.code, p.location.pointer) for p in validate(path)]


@pytest.mark.parametrize("value", [GOOD, FIFTEEN, RANK, WORDS])
def test_good_records_are_clean_on_both_passes(value: dict[str, Any]) -> None:
    """A clean 1.1 claim has no problem, and the fast pass proves it with the same facts."""
    assert _codes(value) == []
    assert SCANNER.facts(value) is not None
    _agrees(value)


def test_a_good_run_is_clean(tmp_path: Path) -> None:
    """References in every 1.1 place resolve."""
    assert _run(tmp_path, GOOD, FIFTEEN, RANK, WORDS) == []


@pytest.mark.parametrize(
    ("code", "pointer"),
    [
        ("meaning.claim-content", "/subject"),
        ("meaning.attribution-forms", "/attribution/chain"),
        ("meaning.members-overlap", "/members/excluding/0"),
        ("meaning.rank-position", "/value/rank/position"),
        ("meaning.quantity-rounding", "/value/quantity/rounded_to"),
    ],
)
def test_each_code_fires_at_its_member(code: str, pointer: str) -> None:
    """Each fixture's bad record gets the code at the member; the fast pass declines it."""
    name = code.replace(".", "-") + ".facts.jsonl"
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[-1])
    assert (code, pointer) in _codes(bad)
    assert SCANNER.facts(bad) is None
    assert [p.code for p in validate(FIXTURES / name)].count(code) == 1


def _broken(path: tuple[Any, ...], item: Any, base: dict[str, Any] = GOOD) -> dict[str, Any]:
    value = copy.deepcopy(base)
    here: Any = value
    for key in path[:-1]:
        here = here[key]
    here[path[-1]] = item
    return value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_broken(("members", "named"), ["actor:kuwait"]), "meaning.members-overlap"),
        (_broken(("where", "value", "rounded_to"), -5), "meaning.quantity-rounding"),
        (_broken(("where", "value", "lower"), 20000), "meaning.quantity-bounds"),
        (_broken(("where", "property"), "folowers"), "vocab.unknown-property"),
        (_broken(("where", "property"), "position"), "vocab.value-type"),
        (_broken(("where", "value", "unit"), "tweet"), "vocab.unit"),
        (
            _broken(("value", "rank", "ranking", "measure"), "position", RANK),
            "vocab.value-type",
        ),
        (
            _broken(("value", "rank", "ranking", "as_of", "latest"), "2015-01-01", RANK),
            "meaning.time-order",
        ),
        (_broken(("attribution", "via"), "actor:tass"), "meaning.attribution-forms"),
    ],
)
def test_rules_of_the_new_parts(value: dict[str, Any], expected: str) -> None:
    """Each broken part gets its code; the fast pass never calls the record clean."""
    assert expected in [code for code, _ in _codes(value)]
    assert SCANNER.facts(value) is None


def test_a_measure_in_words_is_allowed() -> None:
    """A ranking's measure that is not a property is words, not an unknown property."""
    value = _broken(("value", "rank", "ranking", "measure"), "impact on the audience", RANK)
    assert _codes(value) == []
    _agrees(value)


@pytest.mark.parametrize(
    ("path", "target", "pointer"),
    [
        (("proposition", "about", 0), "actor:nobody", "/proposition/about/0"),
        (("members", "excluding", 0), "actor:nobody", "/members/excluding/0"),
        (("attribution", "chain", 0, "by"), "actor:nobody", "/attribution/chain/0/by"),
        (("attribution", "chain", 0, "source"), "source:nobody", "/attribution/chain/0/source"),
        (("refines",), "claim:nobody", "/refines"),
    ],
)
def test_references_of_the_new_parts(
    tmp_path: Path, path: tuple[Any, ...], target: str, pointer: str
) -> None:
    """A missing id in any 1.1 place is ref.missing at that place."""
    assert _run(tmp_path, _broken(path, target), FIFTEEN, RANK) == [("ref.missing", pointer)]


@pytest.mark.parametrize(
    ("path", "target", "pointer"),
    [
        (("value", "rank", "ranking", "of"), "actor:nobody", "/value/rank/ranking/of"),
        (("value", "rank", "ranking", "among", 0), "actor:nobody", "/value/rank/ranking/among/0"),
    ],
)
def test_references_of_a_ranking(
    tmp_path: Path, path: tuple[Any, ...], target: str, pointer: str
) -> None:
    """The ranking's group and members are references too."""
    found = _run(tmp_path, GOOD, FIFTEEN, _broken(path, target, RANK))
    assert found == [("ref.missing", pointer)]


def test_wrong_types(tmp_path: Path) -> None:
    """A hop is by an actor; a claim refines a claim."""
    hop = _broken(("attribution", "chain", 0, "by"), "source:tass")
    assert ("ref.wrong-type", "/attribution/chain/0/by") in _run(tmp_path, hop, FIFTEEN, RANK)


def test_a_10_file_validates_clean(tmp_path: Path) -> None:
    """The 1.0 attribution members still validate, with no problem at all."""
    old = {
        "type": "claim",
        "id": "claim:old",
        "subject": "actor:net",
        "property": "followers",
        "value": {"quantity": {"amount": 5, "lower": 5, "upper": 5, "qualifier": "exact"}},
        "attribution": {
            "source": "source:cp",
            "mode": "reports",
            "via": "actor:tass",
            "via_source": "source:tass",
            "translated_by": "actor:kuwait",
        },
    }
    path = tmp_path / "old.facts.json"
    document = {"ddfacts": "1.0", "records": [*_CONTEXT, old]}
    path.write_text(json.dumps(document))
    assert list(validate(path)) == []
    assert SCANNER.facts(old) is not None


#: The fixtures of the whole-set rules on 1.1 fields: a refined count, named members.
_SET_FIXTURES = ["meaning-refines-mismatch.facts.jsonl", "vocab-subject-type-members.facts.jsonl"]


def _lines(name: str) -> list[dict[str, Any]]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("name", _SET_FIXTURES)
def test_set_rules_agree_with_the_oracle(tmp_path: Path, name: str) -> None:
    """The streaming pass (forward references included) reports what the oracle does."""
    values = _lines(name)
    streamed = _streamed(values, tmp_path)
    assert streamed == _reference(values, tmp_path)
    assert streamed  # each fixture has problems of the rule
    backwards = values[::-1]  # every refined claim and member now comes first
    assert _streamed(backwards, tmp_path) == _reference(backwards, tmp_path)


def test_set_rules_on_dask() -> None:
    """The Dask joins give the one-process report (small partitions: lookups cross them)."""
    pytest.importorskip("dask.dataframe")
    from ddfacts.validation import validate_dask

    paths = [FIXTURES / name for name in _SET_FIXTURES]
    local = validate(paths)
    remote = validate_dask(paths, partition_bytes=1000, min_split_bytes=0)
    assert remote.to_json() == local.to_json()
    codes = [p.code for p in local]
    assert codes.count("meaning.refines-mismatch") == 3
    assert codes.count("vocab.subject-type") == 3


def _refining(**changes: Any) -> dict[str, Any]:
    six = {**GOOD, "id": "claim:six-of", "refines": "claim:fifteen"}
    return {**six, **changes}


@pytest.mark.parametrize(
    ("records", "message"),
    [
        # a different subject
        ((FIFTEEN, _refining(subject="actor:kuwait")), "which gives 'followers' of 'actor:net'"),
        # the refined claim comes later in the file
        ((_refining(subject="actor:kuwait"), FIFTEEN), "but this one gives 'followers' of"),
        # a different property
        (
            (
                FIFTEEN,
                _refining(
                    property="accounts",
                    value={"quantity": {"amount": 6, "lower": 6, "upper": 6, "qualifier": "exact"}},
                ),
            ),
            "but this one gives 'accounts'",
        ),
        # the refined claim has no count: a rank, or a proposition alone
        ((RANK, _refining(refines="claim:rank")), "which gives no quantity"),
        ((WORDS, _refining(refines="claim:words")), "which gives no quantity"),
    ],
)
def test_refines_mismatch(
    tmp_path: Path, records: tuple[dict[str, Any], ...], message: str
) -> None:
    """A figure narrows a count of its own subject and property, wherever that count is."""
    path = tmp_path / "f.facts.jsonl"
    values = [*_CONTEXT, *records]
    path.write_text("".join(json.dumps(r) + "\n" for r in values))
    found = [p for p in validate(path) if p.code == "meaning.refines-mismatch"]
    assert [p.location.pointer for p in found] == ["/refines"]
    assert message in found[0].message
    assert _streamed(values, tmp_path) == _reference(values, tmp_path)


def test_a_refining_claim_gives_a_quantity() -> None:
    """A refining claim with a text value, or with a proposition alone, is wrong on its own."""
    text = _refining(property="characterized_as", value={"text": "six of them"})
    words = {**WORDS, "refines": "claim:fifteen"}
    for value in (text, words):
        assert ("meaning.refines-mismatch", "/refines") in _codes(value)
        assert SCANNER.facts(value) is None


def test_a_good_refinement_is_clean(tmp_path: Path) -> None:
    """ "6 of the 15": same subject and property, a count narrowed; both orders."""
    assert _run(tmp_path, GOOD, FIFTEEN) == []
    assert _run(tmp_path, FIFTEEN, GOOD) == []


_POSITION: dict[str, Any] = {
    "type": "claim",
    "id": "claim:press",
    "subject": "actor:net",
    "property": "position",
    "value": {"text": "press secretary"},
}
_ANA = {"type": "actor", "id": "actor:ana", "kind": "person", "name": "Ana"}


def test_members_take_the_property_not_the_group(tmp_path: Path) -> None:
    """With members, the property's subject types apply to the members, not the group."""
    most = {**_POSITION, "members": {"scope": "most"}}
    named = {**_POSITION, "members": {"scope": "each", "named": ["actor:ana"]}}
    assert _run(tmp_path, most, _ANA) == []
    assert _run(tmp_path, named, _ANA) == []  # the member comes later: a forward check
    wrong = {**_POSITION, "members": {"scope": "some", "named": ["actor:ana", "actor:kuwait"]}}
    assert _run(tmp_path, _ANA, wrong) == [("vocab.subject-type", "/members/named/1")]
    # without members, the claim is about the group itself and its type is checked
    assert _run(tmp_path, _POSITION) == [("vocab.subject-type", "/subject")]


def test_an_empty_chain_beside_via_is_a_10_attribution(tmp_path: Path) -> None:
    """``"chain": []`` holds no hop: beside ``via`` it is 1.0 to the loader and schema alike."""
    source = {"type": "source", "id": "source:s", "sha256": "0" * 64, "length": 1}
    actor = {"type": "actor", "id": "actor:a", "kind": "person", "name": "A"}
    claim = {
        "type": "claim",
        "id": "claim:c",
        "proposition": {"text": "x"},
        "attribution": {"source": "source:s", "chain": [], "via": "actor:a"},
    }
    path = tmp_path / "empty-chain.facts.json"
    path.write_text(json.dumps({"ddfacts": "1.1", "records": [source, actor, claim]}))
    loaded = ddfacts.load(path).claims[0].attribution
    assert loaded is not None and loaded.hops == (ddfacts.Hop(by="actor:a"),)
    assert ddfacts.validate(path).problems == ()
