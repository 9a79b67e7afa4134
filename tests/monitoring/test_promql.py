"""Unit tests of the PromQL metric-name helper."""

from __future__ import annotations

import pytest

from tests.monitoring.promql import grouping_labels, metric_names, selectors, tokenize


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("up", {"up"}),
        ("up == 0", {"up"}),
        (
            'sum by (code) (rate(caddy_http_request_duration_seconds_count{code=~"5.."}[5m]))',
            {"caddy_http_request_duration_seconds_count"},
        ),
        (
            "histogram_quantile(0.95, sum by (route, le) "
            "(rate(reqstly_api_request_duration_seconds_bucket[$__rate_interval])))",
            {"reqstly_api_request_duration_seconds_bucket"},
        ),
        (
            "sum(rate(a_total[5m])) by (job) / on(job) group_left(instance) b",
            {"a_total", "b"},
        ),
        (
            "reqstly:caddy_http_5xx_ratio:rate5m > on() group_left() threshold:api_5xx_ratio:max",
            {"reqstly:caddy_http_5xx_ratio:rate5m", "threshold:api_5xx_ratio:max"},
        ),
        ('{__name__="node_load1", instance="x"}', {"node_load1"}),
        ('{__name__=~"threshold:.+"}', set()),
        ("absent(up{job=\"caddy\"}) or absent(up{job='node'})", {"up"}),
        (
            "time() - reqstly_backup_last_success_timestamp_seconds",
            {"reqstly_backup_last_success_timestamp_seconds"},
        ),
        ('label_replace(up, "dst", "$1", "instance", "(.*):.*")', {"up"}),
        ("rate(x[5m] offset 1h) and y unless z bool", {"x", "y", "z"}),
        ("max_over_time(deriv(m[1h:5m])[1d:])", {"m"}),
        ("vector(0.05)", set()),
        ("1 - avg(node_memory_MemAvailable_bytes) / 1e9", {"node_memory_MemAvailable_bytes"}),
        ("topk(5, sum without (le) (h_bucket))", {"h_bucket"}),
    ],
)
def test_metric_names(expr: str, expected: set[str]) -> None:
    assert metric_names(expr) == expected


def test_comments_and_newlines_are_ignored() -> None:
    assert metric_names("sum(\n  a  # the a metric\n) + b") == {"a", "b"}


def test_unreadable_input_is_an_error() -> None:
    with pytest.raises(ValueError, match="cannot read PromQL"):
        tokenize("up ? 1")


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("up", [("up", set())]),
        ('absent(up{job="caddy"}) or absent(up{job="node"})', [("up", {"job"}), ("up", {"job"})]),
        (
            'sum by (code) (rate(caddy_http_request_duration_seconds_count{code=~"5..", server!="x"}[5m]))',
            [("caddy_http_request_duration_seconds_count", {"code", "server"})],
        ),
        ('{__name__="node_load1", instance="x"}', [("node_load1", {"instance"})]),
        ('{__name__=~"threshold:.+"}', []),
        (
            "a_total / on(job) group_left(instance) b{mode='idle'}",
            [("a_total", set()), ("b", {"mode"})],
        ),
        ("max_over_time(deriv(m[1h:5m])[1d:])", [("m", set())]),
    ],
)
def test_selectors(expr: str, expected: list[tuple[str, set[str]]]) -> None:
    assert selectors(expr) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("up", set()),
        ("sum by (route, le) (rate(h_bucket[5m]))", {"route", "le"}),
        ("sum(rate(a[5m])) by (job) / on(job) group_left(instance) b", {"job", "instance"}),
        ("x > on() group_left() y", set()),
        ("sum without (le) (h_bucket) unless ignoring(code) z", {"le", "code"}),
    ],
)
def test_grouping_labels(expr: str, expected: set[str]) -> None:
    assert grouping_labels(expr) == expected
