#!/usr/bin/env python3
"""Converts the CLAUDETTE / UNFAIR-ToS corpus to ProvisionRisk training CSVs, one per LexGLUE split.
Usage: convert.py CORPUS_DIR OUT_DIR   (writes train.csv, validation.csv, test.csv)"""
import csv, os, sys

LABELS = ["LTD", "TER", "CH", "CR", "USE", "LAW", "J", "A"]
corpus, out = sys.argv[1], sys.argv[2]
splits = {}
with open(os.path.join(corpus, "lexglue_split.csv"), encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        splits.setdefault(row["split"], []).append(row["company"])
for split, companies in splits.items():
    with open(os.path.join(out, split + ".csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "source", "text"] + LABELS)
        for company in companies:
            lines = open(os.path.join(corpus, "ToS", "Sentences", company + ".txt"), encoding="utf-8").read().split("\n")[:-1]
            values = {l: open(os.path.join(corpus, "ToS", "Labels_" + l, company + ".txt"), encoding="utf-8").read().split("\n")[:-1] for l in LABELS}
            for i, text in enumerate(lines):
                text = text.replace("-lrb-", "(").replace("-rrb-", ")").strip()
                w.writerow([f"{company}:{i + 1}", company, text] + ["1" if values[l][i].strip() == "1" else "0" for l in LABELS])
print({s: len(c) for s, c in splits.items()})
