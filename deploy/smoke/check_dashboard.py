#!/usr/bin/env python3
"""Part of deploy/smoke-test.sh: the Grafana dashboard against a real Prometheus.

usage: check_dashboard.py PROMETHEUS_URL DASHBOARD_JSON METRICS_MD
Checks the layout (unique ids, the 24-column grid without overlap, every query on DS_PROMETHEUS); that
every query parses and evaluates; that every metric it names is exported or documented in metrics.md (a
documented one that is absent is a warning: it appears with its first event); and that every panel shows a
value, but those that need traffic the smoke test does not make. Exits 1 on any error.
"""
import json, re, sys, urllib.parse, urllib.request

prom, dashboard_file, metrics_doc = sys.argv[1:4]
dashboard = json.load(open(dashboard_file))

def panels(items):
    for p in items:
        yield p
        yield from panels(p.get("panels", []))

# The layout Grafana expects: unique ids, panels on the 24-column grid without overlap, every query on the
# data source variable.
layout = []
ids = [p["id"] for p in panels(dashboard["panels"])]
assert len(ids) == len(set(ids)), f"duplicate panel ids in {ids}"
for p in panels(dashboard["panels"]):
    g = p["gridPos"]
    assert g["x"] >= 0 and g["w"] > 0 and g["x"] + g["w"] <= 24, f"{p['title']}: off the grid {g}"
    for other, h in layout:
        if g["x"] < h["x"] + h["w"] and h["x"] < g["x"] + g["w"] and g["y"] < h["y"] + h["h"] and h["y"] < g["y"] + g["h"]:
            raise AssertionError(f"{p['title']} overlaps {other}")
    layout.append((p["title"], g))
    for item in ([p] if p["type"] != "row" else []) + p.get("targets", []):
        assert item["datasource"]["uid"] == "${DS_PROMETHEUS}", f"{p['title']}: data source {item['datasource']}"

queries = [(p["title"], t["expr"]) for p in panels(dashboard["panels"]) for t in p.get("targets", [])]
for var in dashboard["templating"]["list"]:
    if var["type"] == "query":
        inner = re.fullmatch(r"label_values\((.+),\s*\w+\)", var["definition"])
        assert inner, f"variable {var['name']}: {var['definition']}"
        queries.append((f"variable {var['name']}", inner.group(1)))

# What Grafana puts in place of its variables.
variables = {"instance": ".*", "__rate_interval": "1m", "__interval": "15s", "__range": "1h"}
def expand(expr):
    def one(m):
        name = m.group(1) or m.group(2)
        if name not in variables:
            raise KeyError(f"unknown variable ${name} in {expr}")
        return variables[name]
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", one, expr)

def get(path, **params):
    url = f"{prom}{path}?{urllib.parse.urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        return json.load(e)

exported = set(get("/api/v1/label/__name__/values")["data"])
documented = set(re.findall(r"`([a-z_:][a-z0-9_:]*)`", open(metrics_doc).read()))
functions = {"sum", "max", "min", "rate", "increase", "histogram_quantile", "by", "and", "or", "on"}
quiet = {"Queue delivery time", "TLS handshakes"}

errors, warnings, empty, showing = [], [], 0, set()
for title, expr in queries:
    answer = get("/api/v1/query", query=expand(expr))
    if answer.get("status") != "success":
        errors.append(f"{title}: {answer.get('errorType')}: {answer.get('error')}\n    {expr}")
        continue
    values = [r["value"][1] for r in answer["data"]["result"]]
    if any(v not in ("NaN", "+Inf", "-Inf") for v in values):
        showing.add(title)
    else:
        empty += 1
    for name in set(re.findall(r"([a-z_:][a-z0-9_:]*)\{", expr)) - functions:
        family = re.sub(r"_(bucket|count|sum)$", "", name)
        if name in exported:
            continue
        if family in documented or name in documented:
            warnings.append(f"{title}: {name} is documented but not exported in this run")
        else:
            errors.append(f"{title}: {name} is neither exported nor in docs/metrics.md")

for title in sorted({title for title, _ in queries} - showing - quiet):
    errors.append(f"{title}: no query of this panel has a value after SMTP, IMAP and REST traffic")

for w in sorted(set(warnings)):
    print(f"smoke: warning: {w}")
for e in errors:
    print(f"smoke: dashboard: {e}", file=sys.stderr)
print(f"smoke: {len(queries)} dashboard queries evaluated, {empty} of them without a value on this fresh server")
sys.exit(1 if errors else 0)
