#!/usr/bin/env python3
"""ROC-AUC and PR-AUC per label of several predictions of the same held-out provisions, and of the mean of two
predictions' standardised log-odds (the first two files).
Usage: compare.py HELDOUT.csv LABELS NAME=PREDICTIONS.jsonl NAME=PREDICTIONS.jsonl..."""
import csv
import json
import sys

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score

labels = sys.argv[2].split(",")
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    gold = list(csv.DictReader(f))
truth = np.array([[r[l].strip().lower() in {"yes", "partial", "1", "true"} for l in labels] for r in gold])
named = {}
for arg in sys.argv[3:]:
    name, path = arg.split("=", 1)
    scores = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            scores[o["id"]] = [o["scores"][l] for l in labels]
    if set(scores) != {r["id"] for r in gold}:
        raise SystemExit(f"{path}: its ids differ from {sys.argv[1]}")
    named[name] = np.clip(np.array([scores[r["id"]] for r in gold]), 1e-6, 1 - 1e-6)
first, second = list(named)[:2]
logit = lambda p: np.log(p / (1 - p))
standard = lambda z: (z - z.mean(0)) / z.std(0)
named[f"mean of {first} and {second} (standardised log-odds)"] = standard(logit(named[first])) + standard(logit(named[second]))
print("| model | label | ROC-AUC | PR-AUC |")
print("|---|---|---|---|")
for name, p in named.items():
    for k, label in enumerate(labels):
        print(f"| {name} | {label} | {roc_auc_score(truth[:, k], p[:, k]):.3f} | {average_precision_score(truth[:, k], p[:, k]):.3f} |")
