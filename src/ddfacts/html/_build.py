"""Write the site: one Jinja2 environment with autoescaping, pages rendered one at a time.

Pages are rendered in a stable order and written into a fresh folder beside
the output, which then takes the output's place: a failed build leaves no
half-written site.  The build streams, from a :class:`~ddfacts.FactSet` or a
:class:`~ddfacts.store.FactStore` alike (read through :class:`._model.Facts`):
one pass over the records (:mod:`._gather`) puts the problems of
``validate`` and ``check`` (:mod:`._problems`) and the lookups across
records (:mod:`._sitedb`) into temporary SQLite files; then each page
fetches the records it shows (sources, actors and claims one at a time in
id order, timeline rows and chart claims in the site index's order) and is
written as its template generates it.  Each source's text is read when its
page is rendered and dropped after.  What stays in memory is one page's
records, the largest text, a cache of actor names, and the fixed caps of
the one pass (:mod:`._gather`: write batches and page caches of a few MB
each); the same input gives the same bytes: no dates, no random ids.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from .._describe import describe_value
from .._escape import json_text, markdown_url, utf8_text
from ..errors import SiteError, TextStoreError
from ..factset import FactSet
from ..records import Actor, Claim, Source, Statement
from ..store import FactStore
from ..textstore import TextLookup
from ._blocks import Mark, blocks, slug
from ._charts import charts
from ._claimwords import claim_details
from ._gather import gather
from ._model import CachedFacts, Facts, Index, claim_words, href_of, name_of
from ._pages import ActorIndex, actor_context, source_fragments, timeline_rows
from ._paging import pages_of, paging
from ._problems import ProblemStore
from ._sitedb import SiteIndex

__all__ = ["MARKER", "SiteError", "build"]

#: The file that marks a folder as a ddfacts site, safe to replace.
MARKER = ".ddfacts-site"


#: Control characters (and CR, which the parser would drop): written as character references.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text_filter(value: Any) -> Any:
    """Escape text for HTML; control characters and CR become character references."""
    escaped = markupsafe.escape(utf8_text(str(value)))
    return markupsafe.Markup(_CONTROL.sub(lambda m: f"&#{ord(m.group())};", str(escaped)))


def environment() -> jinja2.Environment:
    """The one template environment: package templates, autoescaping on, strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ddfacts.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["text"] = _text_filter
    env.filters["slug"] = slug
    env.filters["web_url"] = markdown_url  # an http(s) URL, link-safe, else None
    env.filters["json"] = lambda value: markupsafe.Markup(json_text(value))
    return env


def _template(env: jinja2.Environment, name: str) -> jinja2.Template:
    """The page template *name* (``source`` is ``templates/source.html``)."""
    return env.get_template(f"{name}.html")


def _text_of(source: Source, texts: TextLookup | None) -> str | None:
    if texts is None:
        return None
    try:
        return texts.get(source)
    except TextStoreError:
        return None


def _source_page(
    env: jinja2.Environment, index: Index, source: Source, text: str | None, root: Path
) -> None:
    facts = index.facts
    statements = sorted(
        (r for r in facts.by_source(source.id) if isinstance(r, Statement)),
        key=lambda s: (s.anchor.start, s.anchor.end, s.id),
    )
    placed = [s for s in statements if text is not None and s.anchor.verify(text)]
    marks = [Mark(s.id, s.anchor.start, s.anchor.end) for s in placed]
    rendered = blocks(text, marks) if text is not None else []
    _stream(
        root / href_of(source),
        _template(env, "source"),
        root="../",
        source=source,
        authors=[name_of(facts, a) for a in source.authors],
        publisher=name_of(facts, source.publisher),
        blocks=rendered,
        statements=statements,
        placed={s.id for s in placed},
        fragments=source_fragments(source, statements, text),
        index=index,
        has_text=text is not None,
    )


def _write(path: Path, page: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(utf8_text(page), encoding="utf-8", newline="\n")


def _stream(path: Path, template: jinja2.Template, **context: Any) -> None:
    """Write the page *template* makes of *context* piece by piece as it is generated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for piece in template.generate(**context):
            handle.write(utf8_text(piece))


def _render_all(facts: Facts, texts: TextLookup | None, root: Path) -> None:
    env = environment()
    reader = CachedFacts(facts)
    with ProblemStore() as problems, SiteIndex() as site:
        counts = gather(reader, texts, problems, site)
        pages = paging(reader, site)
        index = Index(reader, problems, site, href=pages.href)
        common: dict[str, Any] = {
            "index": index,
            "name_of": lambda i: name_of(reader, i),
            "describe": describe_value,
            "href": pages.href_id,
            "paging": pages,
        }
        _stream(
            root / "index.html",
            _template(env, "index"),
            root="",
            sources=reader.ordered(Source),
            actors=reader.ordered(Actor),
            counts=counts,
            **common,
        )
        for source in reader.ordered(Source):
            _source_page(env, index, source, _text_of(source, texts), root)
        actor_index, page = ActorIndex(reader, site), _template(env, "actor")
        for actor in reader.ordered(Actor):
            context = actor_context(actor_index, actor)
            _stream(root / href_of(actor), page, root="../", actor=actor, **context, **common)
        claims_of = {
            "count": dict(counts).get("claim", 0),
            "words": lambda c: claim_words(reader, c),
            "details": lambda c: claim_details(reader, c),
        }
        template = _template(env, "claims")
        for number, claims in pages_of(reader.ordered(Claim), pages.claims.rows):
            nav, path = pages.claims.nav(number), root / pages.claims.file(number)
            _stream(path, template, root="", claims=claims, nav=nav, **claims_of, **common)
        rows = timeline_rows(reader, site.timeline(), href=pages.href)
        for number, chunk in pages_of(rows, pages.timeline.rows):
            nav, path = pages.timeline.nav(number), root / pages.timeline.file(number)
            _stream(path, _template(env, "timeline"), root="", rows=chunk, nav=nav, **common)
        drawn = charts(reader, site)
        _stream(root / "charts.html", _template(env, "charts"), root="", charts=drawn, **common)
    static = resources.files("ddfacts.html") / "static"
    for name in ("site.css", "site.js"):
        _write(root / "static" / name, (static / name).read_text(encoding="utf-8"))
    _write(root / MARKER, "A site written by ddfacts html; the next build replaces it.\n")


def build(
    facts: FactSet | FactStore | Iterable[Any],
    texts: TextLookup | None,
    out: str | os.PathLike[str],
) -> Path:
    """Write the static site of *facts* (with the source *texts*) into the folder *out*.

    *facts* is a :class:`~ddfacts.FactSet`, a :class:`~ddfacts.store.FactStore`
    (read a page at a time: the build holds one page's records, never the
    set), or records to make a FactSet of.  A store and a FactSet of the same
    files give the same bytes.  The folder is replaced whole when the build
    succeeds; it must not exist, be empty, or hold a site an earlier build
    wrote.

    Raises:
        SiteError: *out* is a file, or a folder that is not a ddfacts site.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0
       *facts* may be a FactStore.
    """
    factset: Facts = facts if isinstance(facts, (FactSet, FactStore)) else FactSet(facts)
    target = Path(out)
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not (target / MARKER).is_file())
    ):
        raise SiteError(f"{target}: exists and is not a site ddfacts html wrote; choose another")
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=parent))
    try:
        _render_all(factset, texts, scratch)
        os.chmod(scratch, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=parent))
            os.replace(target, old / "site")
            os.replace(scratch, target)
            shutil.rmtree(old)
        else:
            os.replace(scratch, target)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return target
