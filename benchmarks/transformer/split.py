#!/usr/bin/env python3
"""Splits the labelled provisions by instrument group: every fifth group in alphabetical order (the first, sixth,
...) is held out. Writes train.csv and heldout.csv (the training-data columns, rows in file order).
Usage: split.py TRAINING_DATA_DIR OUT_DIR"""
import csv
import glob
import os
import sys

rows, header = [], None
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = header or reader.fieldnames
        rows += list(reader)
groups = sorted({r["group"] for r in rows})
held = set(groups[::5])
for name, part in (("train", [r for r in rows if r["group"] not in held]), ("heldout", [r for r in rows if r["group"] in held])):
    with open(os.path.join(sys.argv[2], name + ".csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(part)
print(f"held out: {', '.join(sorted(held))}; train {len(rows) - sum(r['group'] in held for r in rows)} rows, held out {sum(r['group'] in held for r in rows)} rows")
