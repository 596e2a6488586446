#!/usr/bin/env python3
"""Inter-annotator agreement on a random sample of provisions labelled twice, independently.

Usage: python3 training-data/agreement/kappa.py

first-labeller.csv holds the first labels of the sampled rows as they were before adjudication; the second
labeller worked from the codebook and the instrument texts alone, without seeing them (second-labeller.csv).
Prints Cohen's kappa per label, on positive/negative (yes, partial vs no, n/a) and on the four values, with the
observed agreement and the F1 of one labelling against the other on positive/negative (symmetric: it does not
matter which is taken as the truth; it is the level of agreement a model's F1 can be read against): first vs
second (the agreement measure), then the final training labels (after the disagreements were adjudicated) vs
second, for reference."""
import argparse, csv, glob, os

LABELS = ["overbreadth", "missing_safeguards"]
POSITIVE = {"yes", "partial"}


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan"), float("nan")
    observed = sum(a == b for a, b in pairs) / n
    cats = sorted({x for p in pairs for x in p})
    expected = sum((sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in cats)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0, observed


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--training-data", default=os.path.dirname(here))
    a = ap.parse_args()
    with open(os.path.join(here, "second-labeller.csv"), encoding="utf-8", newline="") as h:
        second = list(csv.DictReader(h))
    with open(os.path.join(here, "first-labeller.csv"), encoding="utf-8", newline="") as h:
        first = {r["id"]: r for r in csv.DictReader(h)}
    final = {}
    for f in sorted(glob.glob(os.path.join(a.training_data, "*.csv"))):
        with open(f, encoding="utf-8", newline="") as h:
            for r in csv.DictReader(h):
                final[r["id"]] = r
    report("first labels (before adjudication) vs second labeller", first, second)
    print()
    report("final training labels (after adjudication) vs second labeller", final, second)


def report(title, first, second):
    compared = [r for r in second if r["id"] in first]
    print(f"{title}: {len(compared)} rows")
    print(f"{'label':<20} {'kappa pos/neg':>13} {'agree pos/neg':>13} {'kappa 4-value':>13} {'agree 4-value':>13} {'F1 pos/neg':>10}")
    for label in LABELS:
        four = [(first[r["id"]][label], r[label]) for r in compared]
        binary = [(x in POSITIVE, y in POSITIVE) for x, y in four]
        kb, ob = kappa(binary)
        k4, o4 = kappa(four)
        both = sum(1 for x, y in binary if x and y)
        f1 = 2 * both / (sum(x for x, _ in binary) + sum(y for _, y in binary))
        print(f"{label:<20} {kb:>13.3f} {ob:>13.3f} {k4:>13.3f} {o4:>13.3f} {f1:>10.3f}")


if __name__ == "__main__":
    main()
