#!/usr/bin/env python3
"""Prints the statistics tables of training-data/README.md from the training CSV files.

Usage: python3 training-data/stats.py"""
import csv, glob, os
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
VALUES = ["yes", "partial", "no", "n/a"]
rows = []
for f in sorted(glob.glob(os.path.join(here, "*.csv"))):
    with open(f, encoding="utf-8", newline="") as h:
        rows.extend(csv.DictReader(h))

print("| instrument | rows | overbreadth yes / partial / no / n/a | missing_safeguards yes / partial / no / n/a |")
print("|---|---|---|---|")
by_source = {}
for r in rows:
    by_source.setdefault(r["source"], []).append(r)
for source, rs in by_source.items():
    cells = []
    for label in ["overbreadth", "missing_safeguards"]:
        c = Counter(r[label] for r in rs)
        cells.append(" / ".join(str(c[v]) for v in VALUES))
    print(f"| {source} | {len(rs)} | {cells[0]} | {cells[1]} |")
cells = []
for label in ["overbreadth", "missing_safeguards"]:
    c = Counter(r[label] for r in rows)
    cells.append(" / ".join(str(c[v]) for v in VALUES))
print(f"| **all {len(by_source)} instruments** | **{len(rows)}** | **{cells[0]}** | **{cells[1]}** |")
print()
for label in ["overbreadth", "missing_safeguards"]:
    c = Counter(r[label] for r in rows)
    print(f"- {label}: {c['yes'] + c['partial']} positive (yes/partial), {c['no'] + c['n/a']} negative, of which {c['no']} `no`")
print()
kinds = Counter(r["kind"] for r in rows)
print("| kind | rows |")
print("|---|---|")
for k, n in kinds.most_common():
    print(f"| {k} | {n} |")
print()
flags = Counter(f.strip() for r in rows for f in r["flags"].split(";") if f.strip())
print("| flag | rows |")
print("|---|---|")
for k, n in sorted(flags.items(), key=lambda kv: (kv[0][0], int(kv[0].split()[0][1:]))):
    print(f"| {k} | {n} |")
