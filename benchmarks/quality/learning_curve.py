#!/usr/bin/env python3
"""How quality grows with the number of labelled instruments: a learning curve over whole instruments.

The instrument groups are cut into five folds (every fifth group in alphabetical order, starting from the first,
second, ... fifth). Each fold is held out in turn, and a model is trained on k randomly drawn groups of the other
folds' groups, for several k (a few draws each); all held-out predictions of one (k, draw) are pooled into one ROC-AUC
and PR-AUC per label, so every group is scored once per point of the curve. Two learners:
  linear    ceiling.py's plain linear model in scikit-learn (TF-IDF word 1-2-grams and character 4-grams,
            class-balanced logistic regression), 10 draws per k;
  pipeline  the shipped ProvisionRisk pipeline (`train --no-cv`, then `score` of the held-out instruments' files, each
            provision read in its document), 3 draws per k; only with --cli.
The gain from the second-largest to the largest k, per doubling of the number of groups, is the local slope: how far
more labelled instruments could move the scores if the curve kept it (it flattens as k grows, so this is generous).
Needs scikit-learn (Debian: apt-get install python3-sklearn, then run with /usr/bin/python3).

Usage: /usr/bin/python3 benchmarks/quality/learning_curve.py [--cli PROVISIONRISK_CLI.dll] [TRAINING_DATA_DIR]
       (2 cores: about 1 minute for the linear learner, 10 more with --cli)"""
import csv, glob, json, math, os, random, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

try:
    import numpy as np
    from sklearn.metrics import average_precision_score, roc_auc_score
except ImportError:
    sys.exit("learning_curve.py needs scikit-learn: apt-get install python3-sklearn, then run it with /usr/bin/python3")
from ceiling import LABELS, POSITIVE, fit, vectorise

FOLDS = 5
SIZES = [2, 4, 9]
DRAWS = {"linear": 10, "pipeline": 3}
SEED = 20261201
GOAL = 0.92

rows, files = [], {}


def load(data):
    for path in sorted(glob.glob(os.path.join(data, "*.csv"))):
        with open(path, encoding="utf-8", newline="") as h:
            part = list(csv.DictReader(h))
        rows.extend(part)
        for group in {r["group"] for r in part}:
            files.setdefault(group, []).append(os.path.abspath(path))
    if not rows:
        sys.exit(f"learning_curve.py: no labelled rows in {data}")


def plan(learner):
    """Every (fold, k, draw, training groups); a draw depends only on the seed and its coordinates."""
    names = sorted(files)
    jobs = []
    for fold in range(FOLDS):
        held = names[fold::FOLDS]
        others = [n for n in names if n not in held]
        for k in [k for k in SIZES if k < len(others)] + [None]:
            for draw in range(DRAWS[learner] if k else 1):
                chosen = random.Random(f"{SEED}:{fold}:{k}:{draw}").sample(others, k) if k else others
                jobs.append((fold, k, draw, tuple(held), tuple(sorted(chosen))))
    return jobs


def linear(job):
    _, _, _, held, chosen = job
    test = [i for i, r in enumerate(rows) if r["group"] in held]
    train = [i for i, r in enumerate(rows) if r["group"] in chosen]
    x_train, x_test = vectorise([rows[i]["text"] for i in train], [rows[i]["text"] for i in test])
    scores = {}
    for label in LABELS:
        y = np.array([1 if rows[i][label] in POSITIVE else 0 for i in train])
        if y.min() == y.max():
            scores[label] = np.full(len(test), float(y[0]))
        else:
            scores[label] = fit(x_train, y).predict_proba(x_test)[:, 1]
    return job, len(train), dict(zip((rows[i]["id"] for i in test), zip(*(scores[l] for l in LABELS))))


def pipeline(cli, job):
    _, _, _, held, chosen = job
    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, "model.bundle")
        data = [a for g in chosen for f in files[g] for a in ("--data", f)]
        run([*cli, "train", *data, "--no-cv", "--out", model])
        out = run([*cli, "score", *[f for g in held for f in files[g]], "--model", model, "--format", "jsonl", "--no-evidence"])
    scores = {}
    for line in out.splitlines():
        o = json.loads(line)
        scores[o["id"]] = tuple(o["scores"][l] for l in LABELS)
    return job, sum(r["group"] in chosen for r in rows), scores


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"learning_curve.py: {' '.join(command[:3])} … failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def report(name, results):
    """Pools each (k, draw) over the folds and prints the curve."""
    ids = [r["id"] for r in rows]
    truth = np.array([[1 if r[l] in POSITIVE else 0 for l in LABELS] for r in rows])
    pooled, sizes = {}, {}
    for (_, k, draw, _, chosen), n_train, scores in results:
        pooled.setdefault((k, draw), {}).update(scores)
        sizes.setdefault(k, []).append((len(chosen), n_train))
    if any(set(scores) != set(ids) for scores in pooled.values()):
        sys.exit(f"learning_curve.py: {name} did not score every held-out provision")
    print(f"{name}: {len(rows)} provisions, {len(files)} groups in {FOLDS} held-out folds; pooled held-out scores, "
          f"mean ± s.d. over {DRAWS[name]} draws of k groups")
    print(f"{'k groups':>8} {'rows':>6}" + "".join(f" {label + ' ROC-AUC':>28} {'PR-AUC':>7}" for label in LABELS))
    curve = {label: [] for label in LABELS}
    for k in [k for k in SIZES if k in sizes] + [None]:
        draws = [np.array([scores[i] for i in ids]) for (kk, _), scores in pooled.items() if kk == k]
        groups_mean = np.mean([g for g, _ in sizes[k]])
        line = f"{('all ' if k is None else '') + format(groups_mean, '.3g'):>8} {np.mean([n for _, n in sizes[k]]):>6.0f}"
        for j, label in enumerate(LABELS):
            rocs = [roc_auc_score(truth[:, j], p[:, j]) for p in draws]
            prs = [average_precision_score(truth[:, j], p[:, j]) for p in draws]
            spread = f" ±{np.std(rocs):.3f}" if len(rocs) > 1 else " " * 7
            line += f" {np.mean(rocs):>21.3f}{spread} {np.mean(prs):>7.3f}"
            curve[label].append((groups_mean, np.mean(rocs)))
        print(line)
    for label in LABELS:
        (k1, a1), (k2, a2) = curve[label][-2:]
        slope = (a2 - a1) / math.log2(k2 / k1)
        reach = (f"at that slope {GOAL} would need about {k2 * 2 ** ((GOAL - a2) / slope):.0f} groups"
                 if slope > 0 and a2 < GOAL else "no extrapolation")
        print(f"  {label:<20} {slope:+.3f} ROC-AUC per doubling of the groups ({k1:.3g} → {k2:.3g}); {reach}")
    print()


def main():
    args = sys.argv[1:]
    cli = None
    if args[:1] == ["--cli"]:
        if len(args) < 2:
            sys.exit("learning_curve.py: --cli needs the path of ProvisionRisk.Cli.dll")
        cli, args = ["dotnet", args[1]], args[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    load(args[0] if args else os.path.join(here, "..", "..", "training-data"))
    with Pool(os.cpu_count() or 1) as pool:
        report("linear", list(pool.imap_unordered(linear, plan("linear"))))
    if cli:
        with ThreadPoolExecutor(os.cpu_count() or 1) as threads:
            report("pipeline", list(threads.map(lambda job: pipeline(cli, job), plan("pipeline"))))


if __name__ == "__main__":
    main()
