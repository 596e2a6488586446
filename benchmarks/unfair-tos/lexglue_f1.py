#!/usr/bin/env python3
"""LexGLUE UNFAIR-ToS micro/macro-F1 (in %) over 9 columns: the 8 labels plus "none" (no label at all).
Usage: lexglue_f1.py GOLD.csv PREDICTIONS.jsonl   (predictions from `provisionrisk score --format jsonl`)"""
import csv, json, sys

LABELS = ["LTD", "TER", "CH", "CR", "USE", "LAW", "J", "A"]
gold = {r["id"]: [r[l] == "1" for l in LABELS] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))}
pred = {}
for line in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(line)
    pred[o["id"]] = [bool(o["flagged"][l]) for l in LABELS]
assert set(gold) == set(pred), "predictions and gold differ in ids"
cols = len(LABELS) + 1
tp, fp, fn = [0] * cols, [0] * cols, [0] * cols
for i, g in gold.items():
    p = pred[i]
    g9, p9 = g + [not any(g)], p + [not any(p)]
    for c in range(cols):
        tp[c] += g9[c] and p9[c]
        fp[c] += (not g9[c]) and p9[c]
        fn[c] += g9[c] and not p9[c]
f1 = [2 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) if (2 * tp[c] + fp[c] + fn[c]) else 0.0 for c in range(cols)]
micro = 2 * sum(tp) / (2 * sum(tp) + sum(fp) + sum(fn))
print(f"{100 * micro:.2f} {100 * sum(f1) / cols:.2f}")
