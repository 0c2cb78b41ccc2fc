"""The vocabulary: shipped data, its schema, merging extra files, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddfacts import Mode
from ddfacts.vocabulary import (
    VocabularyError,
    default_vocabulary,
    load_vocabulary,
)

SEED_PROPERTIES = (
    "followers",
    "following",
    "tweets",
    "retweets",
    "subscribers",
    "likes",
    "views",
    "users",
    "installations",
    "posts",
    "accounts",
    "missions",
    "position",
    "affiliation",
    "employer",
    "handle",
    "age",
    "nationality",
    "launched",
    "founded",
)
SEED_EVENTS = (
    "summons",
    "press_release",
    "interview",
    "statement",
    "meeting",
    "appointment",
    "post",
    "tweet",
    "publication",
    "translation",
    "account_launch",
    "channel_launch",
    "app_launch",
    "notification",
    "expulsion",
    "sanction",
    "campaign",
)


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "extra.vocab.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


class TestShipped:
    """The shipped vocabulary covers the corpus domain and is coherent."""

    def test_corpus_terms(self) -> None:
        """The properties and event types the corpus needs are there."""
        vocab = default_vocabulary()
        assert set(SEED_PROPERTIES) <= set(vocab.properties)
        assert set(SEED_EVENTS) <= set(vocab.event_types)

    def test_modes_mirror_mode(self) -> None:
        """The attribution modes are exactly ddfacts.Mode's values."""
        assert set(default_vocabulary().attribution_modes) == {mode.value for mode in Mode}

    def test_plover(self) -> None:
        """A summons maps to PLOVER DISAPPROVE, an expulsion to SANCTION, an interview to none."""
        events = default_vocabulary().event_types
        assert (events["summons"].plover, events["expulsion"].plover) == ("DISAPPROVE", "SANCTION")
        assert events["interview"].plover is None

    def test_followers(self) -> None:
        """followers counts 'follower', is single-valued and applies to accounts."""
        prop = default_vocabulary().properties["followers"]
        assert (prop.value, prop.unit, prop.single) == ("quantity", "follower", True)
        assert "account" in prop.subjects

    def test_lineage_and_fits(self) -> None:
        """A news agency is a media outlet, an organization and an actor."""
        vocab = default_vocabulary()
        assert vocab.lineage("news_agency") == (
            "news_agency",
            "media_outlet",
            "organization",
            "actor",
        )
        assert vocab.fits("actor", "channel", ["account"])
        assert not vocab.fits("actor", "person", ["organization"])
        assert vocab.fits("source", None, ["source"])


class TestLoad:
    """load_vocabulary merges extra files over the shipped ones."""

    def test_extends(self, tmp_path: Path) -> None:
        """An extra file adds terms and keeps the shipped ones."""
        path = _write(
            tmp_path,
            {
                "ddfacts_vocabulary": "1.0",
                "roles": {"jester": {"description": "Tells jokes."}},
            },
        )
        vocab = load_vocabulary(path)
        assert "jester" in vocab.roles and "agent" in vocab.roles

    def test_immutable(self) -> None:
        """The vocabulary's mappings cannot be changed."""
        with pytest.raises(TypeError):
            default_vocabulary().roles["x"] = None  # type: ignore[index]

    @pytest.mark.parametrize(
        ("document", "message"),
        [
            ({"properties": {}}, "'ddfacts_vocabulary' is a required property"),
            (
                {"ddfacts_vocabulary": "1.0", "roles": {"Bad Name": {"description": "x"}}},
                "does not match",
            ),
            (
                {
                    "ddfacts_vocabulary": "1.0",
                    "event_types": {"feast": {"description": "x", "roles": ["eater"]}},
                },
                "role 'eater' is not a participant role",
            ),
            (
                {
                    "ddfacts_vocabulary": "1.0",
                    "actor_types": {"elf": {"description": "x", "broader": "fairy"}},
                },
                "broader type 'fairy' is not an actor type",
            ),
            (
                {
                    "ddfacts_vocabulary": "1.0",
                    "properties": {
                        "p": {
                            "value": "text",
                            "unit": "x",
                            "subjects": ["person"],
                            "description": "x",
                        }
                    },
                },
                "only quantities have a unit",
            ),
            (
                {
                    "ddfacts_vocabulary": "1.0",
                    "properties": {
                        "p": {"value": "text", "subjects": ["goblin"], "description": "x"}
                    },
                },
                "'goblin' is neither an actor type nor a record type",
            ),
        ],
    )
    def test_bad_file(self, tmp_path: Path, document: object, message: str) -> None:
        """A bad vocabulary file raises VocabularyError naming the file and the fault."""
        path = _write(tmp_path, document)
        with pytest.raises(VocabularyError, match=message) as caught:
            load_vocabulary(path)
        assert str(path) in str(caught.value)

    def test_cycle(self, tmp_path: Path) -> None:
        """Broader actor types that loop are refused."""
        path = _write(
            tmp_path,
            {
                "ddfacts_vocabulary": "1.0",
                "actor_types": {
                    "a": {"description": "x", "broader": "b"},
                    "b": {"description": "x", "broader": "a"},
                },
            },
        )
        with pytest.raises(VocabularyError, match="cycle"):
            load_vocabulary(path)

    def test_missing_and_not_json(self, tmp_path: Path) -> None:
        """A missing file and a file that is not JSON are VocabularyErrors."""
        with pytest.raises(VocabularyError, match="cannot read"):
            load_vocabulary(tmp_path / "none.json")
        bad = tmp_path / "bad.json"
        bad.write_text("{")
        with pytest.raises(VocabularyError, match="not JSON"):
            load_vocabulary(bad)
