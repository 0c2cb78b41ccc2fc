"""Vocabulary.roles_for, the shared cycle finder, and validate and check agreeing on roles."""

from __future__ import annotations

import ddfacts as d
from ddfacts import check, validate
from ddfacts.validation._cycles import find_cycles
from ddfacts.vocabulary import EventType, Vocabulary, default_vocabulary


def _vocab() -> Vocabulary:
    """The shipped vocabulary with 'telegram_post', a post that names only one role of its own."""
    extra = EventType(
        name="telegram_post", description="A post on Telegram.", roles=["operator"], broader="post"
    )
    base = default_vocabulary()
    return base.merged(Vocabulary(event_types={"telegram_post": extra}))


def test_roles_for_inherits() -> None:
    """An event type has its own roles first, then those of the types above it."""
    vocab = _vocab()
    roles = vocab.roles_for("telegram_post")
    assert roles is not None
    assert roles[0] == "operator" and set(roles) == {"operator", *vocab.event_types["post"].roles}
    assert vocab.roles_for("summons") == vocab.event_types["summons"].roles
    assert vocab.roles_for("nope") is None


def test_roles_for_broader_cycle_ends() -> None:
    """A cycle of broader types ends instead of looping forever."""
    vocab = Vocabulary(
        event_types={
            "a": EventType(name="a", description="x", roles=["agent"], broader="b"),
            "b": EventType(name="b", description="x", roles=["target"], broader="a"),
        }
    )
    assert vocab.roles_for("a") == ("agent", "target")


def test_validate_and_check_agree_on_inherited_roles() -> None:
    """validate and check accept the same inherited roles and refuse the same unknown one."""
    vocab = _vocab()
    event = d.Event(
        id="event:e",
        event_type="telegram_post",
        participants=[
            d.Participant(actor="actor:a", role="platform"),
            d.Participant(actor="actor:a", role="guest"),
        ],
    )
    facts = d.FactSet([d.Actor(id="actor:a", name="A", kind="person"), event])
    validated = [
        (p.code, p.location.pointer) for p in validate(facts, vocab=vocab, levels=["meaning"])
    ]
    checked = [(p.code, p.location.pointer) for p in check(facts, vocab=vocab)]
    assert validated == [("vocab.role-not-allowed", "/records/1/participants/1/role")]
    assert checked == [("vocab.role-not-allowed", "/records/1/participants/1/role")]


def test_find_cycles_each_once() -> None:
    """Each cycle is found once, self-loops included, dangling edges ignored."""
    edges = {"a": ["b"], "b": ["a", "c"], "c": ["a"], "d": ["d"], "e": ["zz"]}
    assert list(find_cycles(edges)) == [["a", "b"], ["a", "b", "c"], ["d"]]
    assert list(find_cycles({"a": ["b"], "b": ["a"], "c": ["a", "b"]})) == [["a", "b"]]
