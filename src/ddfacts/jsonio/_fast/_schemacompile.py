"""The schema compiler behind :mod:`ddfacts.jsonio._fast._shape`: JSON Schema to Python source.

One generated function per schema node (``$ref`` targets shared), leaf
checks (types, patterns, enums, bounds, lengths) inlined as expressions.
Exactly the keywords the ddfacts schemas use are supported; any other
raises :class:`UnsupportedSchemaError` at compile time.  A subschema's
``$id`` sets the base URI its ``$ref``s resolve against, as JSON Schema
says, and patterns keep their ECMA-262 meaning (:mod:`._ecma`), or the
schema is refused.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from ...errors import UnsupportedSchemaError
from ._ecma import ecma_regex
from ._patterns import remembering

if TYPE_CHECKING:
    from referencing._core import Resolver

__all__ = ["Compiler", "UnsupportedSchemaError"]


#: Keywords that say nothing about validity.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
)
#: Keywords the compiler understands.
_SUPPORTED = _ANNOTATIONS | {
    "type",
    "required",
    "properties",
    "additionalProperties",
    "patternProperties",
    "pattern",
    "enum",
    "const",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "minLength",
    "maxLength",
    "minProperties",
    "maxProperties",
    "items",
    "minItems",
    "anyOf",
    "allOf",
    "if",
    "then",
    "$ref",
}

_TYPE_TESTS = {
    "object": "type({v}) is dict",
    "array": "type({v}) is list",
    "string": "type({v}) is str",
    "boolean": "({v} is True or {v} is False)",
    "null": "{v} is None",
    "number": "type({v}) in _NUM",
    "integer": "(type({v}) is int or (type({v}) is float and {v}.is_integer()))",
}
_PLAIN_PREFIX = re.compile(r"^\^[A-Za-z0-9_\-:]*\Z")


class Compiler:
    """Turns schemas into the text of a Python module, one function per node."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.constants: dict[str, Any] = {"_NUM": (int, float)}
        self.by_uri: dict[str, str] = {}
        self.shared: dict[tuple[str, Any], str] = {}
        self.counter = 0

    def _name(self, prefix: str) -> str:
        self.counter += 1
        return f"_{prefix}{self.counter}"

    def constant(self, prefix: str, value: Any, key: Any = None) -> str:
        """The name of a module constant holding *value* (shared when *key* repeats)."""
        if key is not None and (prefix, key) in self.shared:
            return self.shared[prefix, key]
        name = self._name(prefix)
        self.constants[name] = value
        if key is not None:
            self.shared[prefix, key] = name
        return name

    # -- entry points --------------------------------------------------------

    def function(self, node: Any, resolver: Resolver[Any], where: str) -> str:
        """The name of a generated function checking *node*."""
        resolver = _scoped(node, resolver)
        if isinstance(node, dict) and set(node) - _ANNOTATIONS == {"$ref"}:
            return self._ref_function(node["$ref"], resolver, where)
        name = self._name("s")
        body = self.body(node, "v", resolver, where, "    ")
        self.lines.append(f"def {name}(v):")
        self.lines.extend(body)
        self.lines.append("    return True")
        self.lines.append("")
        return name

    def _ref_function(self, ref: str, resolver: Resolver[Any], where: str) -> str:
        resolved = resolver.lookup(ref)
        uri = _absolute(resolver, ref)
        if uri not in self.by_uri:
            # Reserve the name first: a recursive schema refers to itself.
            name = self._name("r")
            self.by_uri[uri] = name
            body = self.body(resolved.contents, "v", resolved.resolver, uri, "    ")
            self.lines.append(f"def {name}(v):")
            self.lines.extend(body)
            self.lines.append("    return True")
            self.lines.append("")
        return self.by_uri[uri]

    # -- expressions for leaves ---------------------------------------------

    def expression(self, node: Any, var: str, resolver: Resolver[Any], where: str) -> str:
        """A Python expression true when *var* is valid against *node*."""
        resolver = _scoped(node, resolver)
        if node is True:
            return "True"
        if node is False:
            return "False"
        if not isinstance(node, dict):
            raise UnsupportedSchemaError("a schema must be an object or a boolean", where=where)
        _check_keywords(node, where)
        keys = set(node) - _ANNOTATIONS
        if keys == {"$ref"}:
            resolved = resolver.lookup(node["$ref"])
            if _is_leaf(resolved.contents):
                return self.expression(
                    resolved.contents, var, resolved.resolver, _absolute(resolver, node["$ref"])
                )
        if _is_leaf(node):
            return self._leaf(node, var, where)
        return f"{self.function(node, resolver, where)}({var})"

    def _leaf(self, node: dict[str, Any], var: str, where: str) -> str:
        parts: list[str] = []
        kind = node.get("type")
        if kind is not None:
            parts.append(_type_test(kind, var, where))
        if "const" in node:
            value = node["const"]
            if not isinstance(value, str):
                raise UnsupportedSchemaError("only string consts are supported", where=where)
            parts.append(f"{var} == {value!r}")
            if kind is None:
                parts.insert(0, f"type({var}) is str")
        if "enum" in node:
            values = node["enum"]
            if not all(isinstance(item, str) for item in values):
                raise UnsupportedSchemaError("only enums of strings are supported", where=where)
            name = self.constant("e", frozenset(values), frozenset(values))
            if kind is None:
                parts.append(f"type({var}) is str")
            parts.append(f"{var} in {name}")
        strings = [self._string_test(node, var, where)] if _has_any(node, _STRING_KW) else []
        numbers = [self._number_test(node, var)] if _has_any(node, _NUMBER_KW) else []
        for test, family in ((strings, "string"), (numbers, "number")):
            if not test:
                continue
            if kind == family or (family == "number" and kind == "integer"):
                parts.append(test[0])
            else:
                guard = _TYPE_TESTS[family].format(v=var)
                parts.append(f"(not {guard} or {test[0]})")
        return "(" + " and ".join(parts) + ")" if parts else "True"

    def _string_test(self, node: dict[str, Any], var: str, where: str) -> str:
        parts: list[str] = []
        if "minLength" in node:
            parts.append(f"len({var}) >= {int(node['minLength'])}")
        if "maxLength" in node:
            parts.append(f"len({var}) <= {int(node['maxLength'])}")
        if "pattern" in node:
            seen, match = remembering(ecma_regex(node["pattern"], where))
            key = node["pattern"]
            parts.append(f"({var} in {self.constant('m', seen, key)} or "
                         f"{self.constant('p', match, key)}({var}))")  # fmt: skip
        return " and ".join(parts)

    def _number_test(self, node: dict[str, Any], var: str) -> str:
        parts: list[str] = []
        if "minimum" in node:
            parts.append(f"{var} >= {node['minimum']!r}")
        if "exclusiveMinimum" in node:
            parts.append(f"{var} > {node['exclusiveMinimum']!r}")
        if "maximum" in node:
            parts.append(f"{var} <= {node['maximum']!r}")
        return " and ".join(parts)

    # -- statements for structures ----------------------------------------------

    def body(self, node: Any, var: str, resolver: Resolver[Any], where: str, pad: str) -> list[str]:
        """Statements that ``return False`` unless *var* is valid against *node*."""
        resolver = _scoped(node, resolver)
        if node is True:
            return []
        if node is False:
            return [f"{pad}return False"]
        if not isinstance(node, dict):
            raise UnsupportedSchemaError("a schema must be an object or a boolean", where=where)
        _check_keywords(node, where)
        out: list[str] = []
        if "$ref" in node:
            expr = self.expression({"$ref": node["$ref"]}, var, resolver, where)
            out.append(f"{pad}if not {expr}: return False")
        leaf = {key: value for key, value in node.items() if key in _LEAF_KW}
        if any(key != "type" for key in leaf) or "type" in node:
            expr = self._leaf(leaf, var, where)
            if expr != "True":
                out.append(f"{pad}if not {expr}: return False")
        object_kw = {key: node[key] for key in _OBJECT_KW if key in node}
        if object_kw:
            inner = pad if node.get("type") == "object" else pad + "    "
            lines = self._object(object_kw, var, resolver, where, inner)
            if inner != pad:
                out.append(f"{pad}if type({var}) is dict:")
                lines = lines or [f"{inner}pass"]
            out.extend(lines)
        if "items" in node:
            inner = pad if node.get("type") == "array" else pad + "    "
            if inner != pad:
                out.append(f"{pad}if type({var}) is list:")
            item = self.expression(node["items"], "y", resolver, where + "/items")
            if item != "True":
                out.append(f"{inner}for y in {var}:")
                out.append(f"{inner}    if not {item}: return False")
            elif inner != pad:
                out.append(f"{inner}pass")
        if "minItems" in node:
            test = f"type({var}) is list and " if node.get("type") != "array" else ""
            out.append(f"{pad}if {test}len({var}) < {int(node['minItems'])}: return False")
        if "anyOf" in node:
            alternatives = [
                self.expression(sub, var, resolver, f"{where}/anyOf/{index}")
                for index, sub in enumerate(node["anyOf"])
            ]
            out.append(f"{pad}if not ({' or '.join(alternatives)}): return False")
        for index, sub in enumerate(node.get("allOf", ())):
            out.extend(self.body(sub, var, resolver, f"{where}/allOf/{index}", pad))
        if "if" in node:
            condition = self.expression(node["if"], var, resolver, where + "/if")
            then = self.expression(node.get("then", True), var, resolver, where + "/then")
            out.append(f"{pad}if {condition} and not {then}: return False")
        elif "then" in node:
            pass  # "then" without "if" is ignored by the specification.
        return out

    def _object(
        self, node: dict[str, Any], var: str, resolver: Resolver[Any], where: str, pad: str
    ) -> list[str]:
        out: list[str] = []
        required = node.get("required", [])
        if required:
            name = self.constant("q", frozenset(required))
            out.append(f"{pad}if not {var}.keys() >= {name}: return False")
        if "minProperties" in node:
            out.append(f"{pad}if len({var}) < {int(node['minProperties'])}: return False")
        if "maxProperties" in node:
            out.append(f"{pad}if len({var}) > {int(node['maxProperties'])}: return False")
        properties: dict[str, Any] = node.get("properties", {})
        patterns: dict[str, Any] = node.get("patternProperties", {})
        additional = node.get("additionalProperties", True)
        for key, sub in properties.items():
            expr = self.expression(sub, "x", resolver, f"{where}/properties/{key}")
            if expr == "True":
                continue
            out.append(f"{pad}if {key!r} in {var}:")
            out.append(f"{pad}    x = {var}[{key!r}]")
            out.append(f"{pad}    if not {expr}: return False")
        if not patterns and additional is True:
            return out
        # Members not named in "properties": each must match the patterns it matches
        # and, when it matches none, "additionalProperties".
        known = self.constant("k", frozenset(properties))
        loop: list[str] = [f"{pad}    for k in {var}:", f"{pad}        if k in {known}: continue"]
        matched_any = bool(patterns)
        checks: list[str] = []
        for pattern, sub in patterns.items():
            test = self._key_test(pattern, f"{where}/patternProperties")
            expr = self.expression(sub, f"{var}[k]", resolver, f"{where}/patternProperties")
            checks.append(test)
            if expr != "True":
                # A pattern applies to every member it matches, named ones included.
                out.append(f"{pad}for k in {var}:")
                out.append(f"{pad}    if {test} and not {expr}: return False")
        additional_expr = self.expression(
            additional, f"{var}[k]", resolver, where + "/additionalProperties"
        )
        if additional_expr == "False":
            if matched_any:
                loop.append(f"{pad}        if not ({' or '.join(checks)}): return False")
            else:
                loop.append(f"{pad}        return False")
        elif additional_expr != "True":
            if matched_any:
                loop.append(f"{pad}        if not ({' or '.join(checks)}):")
                loop.append(f"{pad}            if not {additional_expr}: return False")
            else:
                loop.append(f"{pad}        if not {additional_expr}: return False")
        if len(loop) > 2:
            out.append(f"{pad}if not {known} >= {var}.keys():")
            out.extend(loop)
        return out

    def _key_test(self, pattern: str, where: str) -> str:
        if _PLAIN_PREFIX.match(pattern):
            return f"k.startswith({pattern[1:]!r})"
        search = self.constant("p", ecma_regex(pattern, where).search, pattern)
        return f"{search}(k) is not None"


_LEAF_KW = frozenset(
    {
        "type",
        "const",
        "enum",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "exclusiveMinimum",
        "maximum",
    }
)
_STRING_KW = ("pattern", "minLength", "maxLength")
_NUMBER_KW = ("minimum", "exclusiveMinimum", "maximum")
_OBJECT_KW = (
    "required",
    "properties",
    "patternProperties",
    "additionalProperties",
    "minProperties",
    "maxProperties",
)


def _has_any(node: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return any(key in node for key in keys)


def _is_leaf(node: Any) -> bool:
    return isinstance(node, dict) and set(node) - _ANNOTATIONS <= _LEAF_KW


def _type_test(kind: Any, var: str, where: str) -> str:
    kinds = [kind] if isinstance(kind, str) else kind
    if not isinstance(kinds, list) or not all(item in _TYPE_TESTS for item in kinds):
        raise UnsupportedSchemaError(f"unsupported type {kind!r}", where=where)
    return "(" + " or ".join(_TYPE_TESTS[item].format(v=var) for item in kinds) + ")"


def _check_keywords(node: dict[str, Any], where: str) -> None:
    unknown = sorted(set(node) - _SUPPORTED)
    if unknown:
        raise UnsupportedSchemaError(
            f"keyword {unknown[0]!r} is not supported by the fast shape check", where=where
        )


def _absolute(resolver: Resolver[Any], ref: str) -> str:
    base = str(resolver._base_uri)  # the resolver knows no public accessor for it
    return urljoin(base, ref)


def _scoped(node: Any, resolver: Resolver[Any]) -> Resolver[Any]:
    """*resolver* inside *node*: with *node*'s ``$id`` as the base URI, when it has one."""
    if not isinstance(node, dict) or "$id" not in node:
        return resolver
    from referencing.jsonschema import DRAFT202012  # with jsonschema: only when compiling

    if not isinstance(node["$id"], str):
        raise UnsupportedSchemaError("$id must be a string", where=_absolute(resolver, ""))
    return resolver.in_subresource(DRAFT202012.create_resource(node))
