#!/usr/bin/python3
"""The scikit-learn pipeline a data scientist would otherwise use, for the side-by-side in run.sh.

Per label: TF-IDF on word 1-2-grams and character 3-5-grams (within word boundaries), sublinear tf, then logistic
regression (liblinear, balanced class weights); one pipeline per label, trained on the same training-data/ as
ProvisionRisk. Positive label values mirror the library (LabelValues): yes, partial, 1, true; negative: no, n/a, 0,
false; anything else is an error.

  sklearn_baseline.py train --data training-data [--data FILE.csv ...] --out MODEL.pkl
  sklearn_baseline.py score --model MODEL.pkl --table TABLE.csv|TABLE.jsonl [--out PROBS.csv]
  sklearn_baseline.py cv    --data training-data [--out CV.json]

train and score are timed as whole processes by run.sh. cv is leave-one-instrument-out by the `group` column (the
`source` when empty), as the library's cross-validation: each held-out instrument is scored by a pipeline fitted on
the others, and ROC-AUC is computed once over the pooled held-out probabilities of all rows.

Run it with Debian's /usr/bin/python3 and python3-sklearn (apt-get install python3-sklearn). Each mode prints one
JSON line with its figures on standard error (score, cv) or standard output (train).
"""

import argparse
import csv
import json
import os
import pickle
import sys
import time

LABELS = ("overbreadth", "missing_safeguards")
POSITIVE = {"yes", "partial", "1", "true"}
NEGATIVE = {"no", "n/a", "0", "false"}
SCORE_CHUNK = 1024  # rows transformed at once when scoring, so memory does not grow with the table


def require_sklearn():
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit("sklearn_baseline.py: scikit-learn is not installed for %s; on Debian: apt-get install -y python3-sklearn"
                 % sys.executable)
    return sklearn.__version__


def make_pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    return Pipeline([
        ("features", FeatureUnion([
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
        ])),
        ("classifier", LogisticRegression(class_weight="balanced", max_iter=1000, solver="liblinear")),
    ])


def training_files(paths):
    """Every *.csv directly in a folder (name order), or the file itself, as `provisionrisk train --data` reads them."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            files.extend(os.path.join(path, f) for f in sorted(os.listdir(path)) if f.endswith(".csv"))
        else:
            files.append(path)
    if not files:
        sys.exit("sklearn_baseline.py: no training CSV files in %s" % ", ".join(paths))
    return files


def is_positive(value, where):
    v = value.strip().lower()
    if v in POSITIVE:
        return 1
    if v in NEGATIVE:
        return 0
    sys.exit("sklearn_baseline.py: %s: unknown label value '%s'" % (where, value.strip()))


def load_training(paths):
    texts, groups, truth = [], [], {label: [] for label in LABELS}
    for file in training_files(paths):
        with open(file, encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                texts.append(row["text"])
                groups.append((row.get("group") or "").strip() or (row.get("source") or "").strip()
                              or os.path.splitext(os.path.basename(file))[0])
                for label in LABELS:
                    truth[label].append(is_positive(row[label], "%s:%d: %s" % (file, line, label)))
    return texts, groups, truth


def read_table(path):
    """Yields (id, text) from a CSV table with a header or from JSON lines, as `provisionrisk score` reads them."""
    with open(path, encoding="utf-8", newline="") as f:
        if path.endswith(".jsonl"):
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    yield str(row["id"]), row["text"]
        else:
            for row in csv.DictReader(f):
                yield row["id"], row["text"]


def chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def train(args):
    version = require_sklearn()
    start = time.perf_counter()
    texts, _, truth = load_training(args.data)
    models = {label: make_pipeline().fit(texts, truth[label]) for label in LABELS}
    with open(args.out, "wb") as f:
        pickle.dump({"labels": list(LABELS), "models": models, "sklearn": version}, f, protocol=pickle.HIGHEST_PROTOCOL)
    print(json.dumps({"mode": "train", "rows": len(texts), "seconds": round(time.perf_counter() - start, 3),
                      "sklearn": version, "python": sys.executable}))


def score(args):
    require_sklearn()
    start = time.perf_counter()
    with open(args.model, "rb") as f:
        bundle = pickle.load(f)
    labels, models = bundle["labels"], bundle["models"]
    scored = 0
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id"] + labels)
        for chunk in chunks(read_table(args.table), SCORE_CHUNK):
            texts = [text for _, text in chunk]
            columns = [models[label].predict_proba(texts)[:, 1] for label in labels]
            for i, (row_id, _) in enumerate(chunk):
                writer.writerow([row_id] + ["%.6f" % column[i] for column in columns])
            scored += len(chunk)
    seconds = time.perf_counter() - start
    print(json.dumps({"mode": "score", "provisions": scored, "seconds": round(seconds, 3),
                      "provisionsPerSecond": round(scored / seconds, 1)}), file=sys.stderr)


def cross_validate(args):
    version = require_sklearn()
    import numpy as np
    from sklearn.metrics import average_precision_score, roc_auc_score
    from sklearn.model_selection import LeaveOneGroupOut

    start = time.perf_counter()
    texts, groups, truth = load_training(args.data)
    texts = np.array(texts, dtype=object)
    folds = list(LeaveOneGroupOut().split(texts, groups=groups))
    result = {"evaluation": "leave-one-instrument-out", "pipeline": "sklearn tf-idf word 1-2 + char_wb 3-5, logistic regression",
              "sklearn": version, "python": sys.executable, "rows": len(texts), "folds": len(folds), "labels": {}}
    for label in LABELS:
        y = np.array(truth[label])
        held_out = np.full(len(y), np.nan)
        for train_index, test_index in folds:
            model = make_pipeline().fit(texts[train_index], y[train_index])
            held_out[test_index] = model.predict_proba(texts[test_index])[:, 1]
        result["labels"][label] = {"count": int(len(y)), "positives": int(y.sum()),
                                   "rocAuc": float(roc_auc_score(y, held_out)),
                                   "prAuc": float(average_precision_score(y, held_out))}
        print("sklearn_baseline.py: cv: %s ROC-AUC %.3f" % (label, result["labels"][label]["rocAuc"]), file=sys.stderr)
    result["seconds"] = round(time.perf_counter() - start, 3)
    text = json.dumps(result, indent=2)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    modes = parser.add_subparsers(dest="mode", required=True)
    p = modes.add_parser("train", help="fit one pipeline per label on all rows and pickle them")
    p.add_argument("--data", action="append", required=True, help="a training CSV or a folder of them (repeatable)")
    p.add_argument("--out", required=True, help="the pickle to write")
    p.set_defaults(run=train)
    p = modes.add_parser("score", help="score a table of provisions (.csv with id,text or .jsonl)")
    p.add_argument("--model", required=True)
    p.add_argument("--table", required=True)
    p.add_argument("--out", default="/dev/stdout", help="probabilities as CSV (default: standard output)")
    p.set_defaults(run=score)
    p = modes.add_parser("cv", help="leave-one-instrument-out ROC-AUC on pooled held-out probabilities")
    p.add_argument("--data", action="append", required=True)
    p.add_argument("--out", help="also write the JSON here")
    p.set_defaults(run=cross_validate)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
