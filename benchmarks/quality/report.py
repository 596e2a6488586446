#!/usr/bin/env python3
"""Writes benchmarks/quality/RESULTS.md from the runs of run.sh."""
import csv, json, os, re, sys
from collections import Counter

out = sys.argv[1]
runs = os.path.join(out, "runs")
order = ["cue-rules", "linear-plain", "linear", "fasttree", "stacked-alone", "stacked-neighbours", "stacked", "stacked-no-linear-cues"]
names = {"cue-rules": "(a) cue rules", "linear-plain": "(b) linear on n-grams, plain", "linear": "(b) linear on n-grams, NB-averaged",
         "fasttree": "(c) FastTree alone", "stacked-alone": "(d) stacked, each provision alone (no context)",
         "stacked-neighbours": "(d) stacked, with its neighbours but no region",
         "stacked": "(d) shipped: stacked, read in context",
         "stacked-no-linear-cues": "(d) shipped, cues left to the trees (`--linear-cues no`)"}
reports = {p: json.load(open(os.path.join(runs, p + ".json"))) for p in order if os.path.exists(os.path.join(runs, p + ".json"))}
seconds = {p: open(os.path.join(runs, p + ".seconds")).read().strip() for p in reports}


def read_predictions(pipeline):
    """The held-out predictions of a pipeline's run (`train --cv --predictions`), or None if it wrote none."""
    path = os.path.join(runs, pipeline + "-predictions.csv")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as h:
        return list(csv.DictReader(h))


predictions = {p: rows for p in reports if (rows := read_predictions(p)) is not None}
L = ["# Quality benchmark", "",
     "Every figure here comes from `benchmarks/quality/run.sh` (2 cores). Protocol: leave-one-instrument-out cross-validation",
     "over `training-data/` (the three Zambian acts form one group, 23 folds); in each fold the model, its calibration and its",
     "thresholds are fitted on the other instruments only, and the held-out instrument is scored once. Intervals: 95%",
     "bootstrap over held-out instruments (1,000 resamples). The held-out instrument is scored as a document: the shipped",
     "pipeline reads each provision with the two before and after it (their linear scores and kind probabilities) and with",
     "the mean of the same over the ten before and after it (its region); \"with its neighbours but no region\" is the same",
     "pipeline trained and scored with `--region 0`, \"each provision alone\" with `--context 0 --region 0`.", "",
     "## Pipelines compared", "",
     "| pipeline | label | precision | recall | F1 | ROC-AUC | PR-AUC | Brier | ECE | wall time (s) |",
     "|---|---|---|---|---|---|---|---|---|---|"]
for p, r in reports.items():
    for l in r["labels"]:
        m, i = l["pooled"], l["intervals"]
        def f(k, name):
            return f"{m[name]:.3f} ({i[k]['low']:.2f}–{i[k]['high']:.2f})"
        L.append(f"| {names[p]} | {l['label']} | {m['precision']:.3f} | {m['recall']:.3f} | {f('f1','f1')} | {f('rocAuc','rocAuc')} | {m['prAuc']:.3f} | {m['brier']:.3f} | {f('ece','ece')} | {seconds[p]} |")
L += ["", "Mean over the two labels:", "", "| pipeline | mean F1 | mean ROC-AUC |", "|---|---|---|"]
for p, r in reports.items():
    f1 = sum(l["pooled"]["f1"] for l in r["labels"]) / len(r["labels"])
    auc = sum(l["pooled"]["rocAuc"] for l in r["labels"]) / len(r["labels"])
    L.append(f"| {names[p]} | {f1:.3f} | {auc:.3f} |")
if "stacked" in reports:
    L += ["", "## Reliability of the shipped pipeline (held-out predictions, 10 bins)", ""]
    for l in reports["stacked"]["labels"]:
        L += [f"**{l['label']}**", "", "| bin | provisions | mean probability | positive rate |", "|---|---|---|---|"]
        for b in l["reliability"]:
            mp = "–" if b["count"] == 0 else f"{b['meanProbability']:.3f}"
            pr = "–" if b["count"] == 0 else f"{b['positiveRate']:.3f}"
            L.append(f"| {b['from']:.1f}–{b['to']:.1f} | {b['count']} | {mp} | {pr} |")
        L.append("")
    L += ["## Per held-out instrument (shipped pipeline)", "", "| instrument | provisions | " + " | ".join(f"{l['label']} F1 / ROC-AUC" for l in reports["stacked"]["labels"]) + " |",
          "|---|---|" + "---|" * len(reports["stacked"]["labels"])]
    groups = sorted(reports["stacked"]["labels"][0]["byInstrument"])
    for g in groups:
        cells = []
        for l in reports["stacked"]["labels"]:
            m = l["byInstrument"][g]
            auc = "n/a" if m["rocAuc"] is None or m["rocAuc"] != m["rocAuc"] or isinstance(m["rocAuc"], str) else f"{m['rocAuc']:.2f}"
            cells.append(f"{m['f1']:.2f} / {auc}")
        L.append(f"| {g} | {reports['stacked']['labels'][0]['byInstrument'][g]['count']} | " + " | ".join(cells) + " |")
if "stacked" in predictions:
    rows = predictions["stacked"]
    L += ["", "## Confident errors (shipped pipeline)", "",
          "Held-out provisions scored 0.9 or more that are labelled negative, by instrument and labelled kind",
          "(every held-out prediction: `train --cv --predictions FILE`, here `runs/stacked-predictions.csv`):", ""]
    for l in reports["stacked"]["labels"]:
        label = l["label"]
        wrong = Counter((r["group"], r["kind"]) for r in rows if float(r[label]) >= 0.9 and r[label + "_truth"] == "false")
        high = sum(1 for r in rows if float(r[label]) >= 0.9)
        L.append(f"- **{label}**: {sum(wrong.values())} of {high}" + (": " + "; ".join(f"{g} ({k}) {n}" for (g, k), n in wrong.most_common()) if wrong else ""))


def rank_auc(scores, truth):
    """ROC-AUC by the rank-sum (Mann-Whitney) formula, ties sharing their mean rank."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(truth)
    neg = len(truth) - pos
    return (sum(r for r, t in zip(ranks, truth) if t) - pos * (pos + 1) / 2) / (pos * neg)


within = [p for p in ("linear-plain", "linear", "stacked-alone", "stacked-neighbours", "stacked", "stacked-no-linear-cues") if p in predictions]
if within:
    L += ["", "## Ranking within one kind of provision", "",
          "Pooled ROC-AUC also rewards telling kinds apart (most procedural powers are risky, most institutional",
          "provisions are not). Here, ROC-AUC among held-out provisions of one *labelled* kind (kinds with at least 10",
          "positives and 10 negatives): how well a pipeline tells, say, a power that lacks safeguards from one that has them.",
          ""]
    labels = [l["label"] for l in reports["stacked"]["labels"]] if "stacked" in reports else []
    L += ["| pipeline | label | " + " | ".join(["kind", "provisions", "positives", "ROC-AUC"]) + " |", "|---|---|---|---|---|---|"]
    weakest = None
    for p in within:
        rows = predictions[p]
        for label in labels:
            for kind in sorted({r["kind"] for r in rows}):
                sel = [r for r in rows if r["kind"] == kind]
                truth = [r[label + "_truth"] == "true" for r in sel]
                if sum(truth) < 10 or len(truth) - sum(truth) < 10:
                    continue
                auc = rank_auc([float(r[label]) for r in sel], truth)
                L.append(f"| {p} | {label} | {kind} | {len(sel)} | {sum(truth)} | {auc:.3f} |")
                if p == "stacked" and (weakest is None or auc < weakest[0]):
                    weakest = (auc, label, kind)
    if weakest:
        L += ["", f"Weakest for the shipped pipeline: **{weakest[1]} among {weakest[2]} provisions, ROC-AUC {weakest[0]:.3f}**"
              + (" (near chance)" if weakest[0] < 0.6 else "") + ": the judgement within one kind that the model has least learned."]
log = os.path.join(runs, "behaviour.log")
if os.path.exists(log):
    text = open(log, encoding="utf-8", errors="replace").read()
    m = re.search(r"behaviour pairs: (\d+) of (\d+) moved as expected", text)
    if m:
        L += ["", "## Behaviour (minimal pairs)", "",
              f"The shipped model moves in the expected direction on **{m.group(1)} of {m.group(2)}** hand-written minimal pairs",
              "(`tests/ProvisionRisk.Tests/Scoring/BehaviourPairs.cs`). Pairs that fail:", ""]
        L += ["- " + f for f in re.findall(r"^\s*FAIL (.+)$", text, re.M)]
agreement = os.path.join(runs, "agreement.txt")
ceiling = os.path.join(runs, "ceiling.txt")
if os.path.exists(agreement) or "stacked" in reports:
    L += ["", "## Reading these figures: the ceiling", ""]
    if os.path.exists(agreement):
        first = open(agreement, encoding="utf-8").read().split("\n\n")[0]
        f1s = {m.group(1): m.group(2) for m in re.finditer(r"^(\w+)\s+\S+\s+\S+\s+\S+\s+\S+\s+(\S+)\s*$", first, re.M)}
        if f1s:
            L += ["Two labellers who labelled the same random sample independently from the codebook agree at F1",
                  " and ".join(f"**{f1s[l]}** ({l})" for l in f1s) + " (`training-data/agreement/kappa.py`): the level",
                  "against which the model's F1 should be read.", ""]
    kind = reports.get("stacked", {}).get("kindAccuracy")
    if kind is not None:
        L += [f"The shipped pipeline predicts the labelled kind of provision (definition, criminalisation, procedural power, …)",
              f"for **{kind:.3f}** of held-out provisions."]
    if os.path.exists(ceiling):
        L += ["Told each provision's *labelled* kind, a plain linear model (scikit-learn, same protocol) gains this much",
              "(`/usr/bin/python3 benchmarks/quality/ceiling.py`):", "", "```"] + open(ceiling, encoding="utf-8").read().rstrip().split("\n") + ["```", "",
              "Much of the distance to the goals (ROC-AUC 0.92, F1 0.80) lies in recognising what a provision is, which the",
              "labeller reads from the whole instrument, and the kind labels are themselves a judgement."]
curve = os.path.join(runs, "learning-curve.txt")
if os.path.exists(curve):
    L += ["", "## Reading these figures: more labelled instruments", "",
          "How the held-out ROC-AUC grows with the number of instrument groups a model is trained on: the groups are cut into",
          "five folds, each held out in turn, and the model is trained on k groups drawn at random from the other folds",
          "(`/usr/bin/python3 benchmarks/quality/learning_curve.py --cli …`; five folds leave about 18 training groups, against",
          "22 in the leave-one-instrument-out figures above, so its last row is a little lower):", "", "```"]
    L += open(curve, encoding="utf-8").read().rstrip().split("\n") + ["```", "",
          "The curve flattens as k grows, so the slope between its last two points, carried on as a straight line in log k,",
          "is a generous estimate of what more labelled instruments of the same kind would bring."]
open(os.path.join(out, "RESULTS.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")
print("\n".join(L))
