"""Metric names used by a PromQL expression.

A small tokenizer, not a full parser: enough to list the metric names an
expression selects, so a live test can compare what dashboards and rules ask
for with what the running stack exports. Function names, aggregation
keywords, label names, grouping lists, durations and string literals are
not metric names and are skipped.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""
    (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)
  | (?P<number>0x[0-9a-fA-F]+|[0-9][0-9a-zA-Z_.]*|\.[0-9]+(?:[eE][-+]?[0-9]+)?)
  | (?P<ident>[a-zA-Z_:][a-zA-Z0-9_:]*)
  | (?P<variable>\$\{?[a-zA-Z_][a-zA-Z0-9_]*\}?)
  | (?P<op>=~|!~|!=|==|>=|<=|[-+*/%^<>=,(){}\[\]@])
  | (?P<space>\s+|\#[^\n]*)
    """,
    re.VERBOSE,
)

_KEYWORDS = frozenset(
    {"and", "or", "unless", "bool", "offset", "inf", "nan", "by", "without", "on", "ignoring"}
    | {"group_left", "group_right", "start", "end"}
)
_GROUPING = frozenset({"by", "without", "on", "ignoring", "group_left", "group_right"})
_AGGREGATIONS = frozenset(
    {"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values"}
    | {"bottomk", "topk", "quantile", "limitk", "limit_ratio"}
)


def tokenize(expr: str) -> list[tuple[str, str]]:
    """Split `expr` into (kind, text) tokens, dropping white space and comments."""
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(expr):
        match = _TOKEN.match(expr, position)
        if match is None:
            raise ValueError(
                f"cannot read PromQL at {position}: {expr[position : position + 20]!r}"
            )
        kind = match.lastgroup
        assert kind is not None
        if kind != "space":
            tokens.append((kind, match.group()))
        position = match.end()
    return tokens


def metric_names(expr: str) -> set[str]:
    """Return the metric names selected by the PromQL expression `expr`.

    `{__name__="x"}` selectors count as `x`; regex name matchers are ignored.
    Raises ValueError on characters that cannot start any PromQL token.
    """
    tokens = tokenize(expr)
    names: set[str] = set()
    index = 0
    while index < len(tokens):
        kind, text = tokens[index]
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if kind == "ident" and text in _GROUPING and following == "(":
            index = _skip_parenthesised(tokens, index + 1)
            continue
        if text == "{":
            names |= _names_in_matchers(tokens, index)
            index = _skip_until(tokens, index, "}")
            continue
        if text == "[":
            index = _skip_until(tokens, index, "]")
            continue
        is_aggregation = text in _AGGREGATIONS and following in {"by", "without"}
        if kind == "ident" and text not in _KEYWORDS and following != "(" and not is_aggregation:
            names.add(text)
        index += 1
    return names


def _skip_until(tokens: list[tuple[str, str]], index: int, closing: str) -> int:
    while index < len(tokens) and tokens[index][1] != closing:
        index += 1
    return index + 1


def _skip_parenthesised(tokens: list[tuple[str, str]], index: int) -> int:
    depth = 0
    while index < len(tokens):
        if tokens[index][1] == "(":
            depth += 1
        elif tokens[index][1] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index


def _names_in_matchers(tokens: list[tuple[str, str]], index: int) -> set[str]:
    found: set[str] = set()
    index += 1
    while index + 2 < len(tokens) and tokens[index][1] != "}":
        label, operator, (kind, value) = tokens[index][1], tokens[index + 1][1], tokens[index + 2]
        if label == "__name__" and operator == "=" and kind == "string":
            found.add(value[1:-1])
        index += 1
    return found


def selectors(expr: str) -> list[tuple[str, set[str]]]:
    """(metric name, label names in its matchers) for each named selector of `expr`.

    `up{job="x"}` gives ("up", {"job"}); `{__name__="x", a="b"}` gives ("x", {"a"});
    a bare name gives an empty label set. Selectors without a fixed name are skipped.
    """
    tokens = tokenize(expr)
    found: list[tuple[str, set[str]]] = []
    index = 0
    while index < len(tokens):
        kind, text = tokens[index]
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if kind == "ident" and text in _GROUPING and following == "(":
            index = _skip_parenthesised(tokens, index + 1)
            continue
        if text == "[":
            index = _skip_until(tokens, index, "]")
            continue
        if text == "{":
            names = _names_in_matchers(tokens, index)
            labels = _matcher_labels(tokens, index) - {"__name__"}
            found += [(name, labels) for name in names]
            index = _skip_until(tokens, index, "}")
            continue
        is_aggregation = text in _AGGREGATIONS and following in {"by", "without"}
        if kind == "ident" and text not in _KEYWORDS and following != "(" and not is_aggregation:
            labels = _matcher_labels(tokens, index + 1) if following == "{" else set()
            found.append((text, labels))
            index = _skip_until(tokens, index + 1, "}") if following == "{" else index + 1
            continue
        index += 1
    return found


def grouping_labels(expr: str) -> set[str]:
    """Label names listed in by/without/on/ignoring/group_left/group_right clauses."""
    tokens = tokenize(expr)
    labels: set[str] = set()
    for index, (kind, text) in enumerate(tokens[:-1]):
        if kind == "ident" and text in _GROUPING and tokens[index + 1][1] == "(":
            end = _skip_parenthesised(tokens, index + 1)
            labels |= {text for kind, text in tokens[index + 2 : end - 1] if kind == "ident"}
    return labels


def _matcher_labels(tokens: list[tuple[str, str]], index: int) -> set[str]:
    """Label names of the matchers in the braces opening at `index`."""
    labels: set[str] = set()
    index += 1
    while index + 1 < len(tokens) and tokens[index][1] != "}":
        if tokens[index][0] == "ident" and tokens[index + 1][1] in {"=", "!=", "=~", "!~"}:
            labels.add(tokens[index][1])
        index += 1
    return labels
