#!/usr/bin/env python3
"""Writes a table of N provisions to score: the labelled provisions of training-data/*.csv (files in name order, rows
in file order) repeated until there are N, each row with a unique id (`<id>#<repetition>`) and the provision's text.

  make_table.py TRAINING_DATA_DIR N OUT.csv|OUT.jsonl

The CSV has the header `id,text`; JSON lines have the keys `id` and `text`: the two columns `provisionrisk score`
reads from a table, and what sklearn_baseline.py score reads. Plain standard library.
"""

import csv
import json
import os
import sys


def provisions(folder):
    rows = []
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".csv")):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            rows.extend((row["id"], row["text"]) for row in csv.DictReader(f))
    if not rows:
        sys.exit("make_table.py: no provisions in %s" % folder)
    return rows


def main():
    if len(sys.argv) != 4 or not sys.argv[2].isdigit() or int(sys.argv[2]) <= 0:
        sys.exit(__doc__)
    folder, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rows = provisions(folder)
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = None if out.endswith(".jsonl") else csv.writer(f, lineterminator="\n")
        if writer:
            writer.writerow(["id", "text"])
        for i in range(count):
            row_id, text = rows[i % len(rows)]
            unique = "%s#%d" % (row_id, i // len(rows))
            if writer:
                writer.writerow([unique, text])
            else:
                f.write(json.dumps({"id": unique, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
