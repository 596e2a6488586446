#!/usr/bin/env python3
"""Where the quality ceiling is: how much a plain linear model gains if it is told each provision's labelled kind.

Leave-one-instrument-out, as in run.sh, with an independent scikit-learn pipeline (TF-IDF word 1-2-grams and
character 4-grams, class-balanced logistic regression): once on the text alone, once on the text plus the kind the
labeller gave the provision (one-hot). The gap bounds what better recognition of the kind of provision could add.
Needs scikit-learn (Debian: apt-get install python3-sklearn, then run with /usr/bin/python3).

Usage: /usr/bin/python3 benchmarks/quality/ceiling.py [TRAINING_DATA_DIR]   (2 cores: about 10 minutes)"""
import csv, glob, os, sys

try:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
except ImportError:
    sys.exit("ceiling.py needs scikit-learn: apt-get install python3-sklearn, then run it with /usr/bin/python3")

LABELS = ["overbreadth", "missing_safeguards"]
POSITIVE = {"yes", "partial"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "training-data")
    rows = []
    for f in sorted(glob.glob(os.path.join(data, "*.csv"))):
        with open(f, encoding="utf-8", newline="") as h:
            rows.extend(csv.DictReader(h))
    texts = [r["text"] for r in rows]
    groups = np.array([r["group"] for r in rows])
    kinds = sorted({r["kind"] for r in rows})
    onehot = csr_matrix(np.array([[1.0 if r["kind"] == k else 0.0 for k in kinds] for r in rows]))
    print(f"{len(rows)} provisions, {len(set(groups))} held-out groups")
    print(f"{'label':<20} {'text alone':>12} {'text + labelled kind':>22}   (pooled held-out ROC-AUC)")
    for label in LABELS:
        y = np.array([1 if r[label] in POSITIVE else 0 for r in rows])
        alone, told = np.zeros(len(rows)), np.zeros(len(rows))
        for g in np.unique(groups):
            test, train = np.where(groups == g)[0], np.where(groups != g)[0]
            x_train, x_test = vectorise([texts[i] for i in train], [texts[i] for i in test])
            alone[test] = fit(x_train, y[train]).predict_proba(x_test)[:, 1]
            told[test] = fit(hstack([x_train, onehot[train]]).tocsr(), y[train]).predict_proba(hstack([x_test, onehot[test]]).tocsr())[:, 1]
        print(f"{label:<20} {roc_auc_score(y, alone):>12.3f} {roc_auc_score(y, told):>22.3f}", flush=True)


def vectorise(train_texts, test_texts):
    """TF-IDF word 1-2-grams and character 4-grams, fitted on the training texts."""
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True, min_df=2)
    x_train = hstack([words.fit_transform(train_texts), chars.fit_transform(train_texts)]).tocsr()
    x_test = hstack([words.transform(test_texts), chars.transform(test_texts)]).tocsr()
    return x_train, x_test


def fit(x, y):
    return LogisticRegression(C=4, max_iter=2000, class_weight="balanced").fit(x, y)


if __name__ == "__main__":
    main()
