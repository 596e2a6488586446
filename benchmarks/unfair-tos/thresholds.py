#!/usr/bin/env python3
"""Per-label decision thresholds chosen on labelled predictions (the validation split): for each label, the
probability threshold that maximises that label's F1, halfway between the lowest probability it flags and the highest
it does not. Prints them as `provisionrisk score` options: --threshold LTD=0.53 --threshold TER=0.41 ...
Usage: thresholds.py GOLD.csv PREDICTIONS.jsonl   (predictions from `provisionrisk score --format jsonl`)"""
import csv, json, sys

LABELS = ["LTD", "TER", "CH", "CR", "USE", "LAW", "J", "A"]
gold = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))}
pred = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert {p["id"] for p in pred} == set(gold), "predictions and gold differ in ids"
options = []
for label in LABELS:
    pairs = sorted(((p["scores"][label], gold[p["id"]][label] == "1") for p in pred), reverse=True)
    positives = sum(t for _, t in pairs)
    best, best_f1, tp = 1.0, -1.0, 0
    for k, (score, truth) in enumerate(pairs):
        tp += truth
        if k + 1 < len(pairs) and pairs[k + 1][0] == score:
            continue  # flag all tied scores together
        f1 = 2 * tp / (k + 1 + positives) if positives else 0.0
        if f1 > best_f1:
            below = pairs[k + 1][0] if k + 1 < len(pairs) else 0.0
            best, best_f1 = (score + below) / 2, f1
    options.append(f"--threshold {label}={best:.6f}")
print(" ".join(options))
