#!/usr/bin/env bash
# UNFAIR-ToS (LexGLUE) with ProvisionRisk's own training CLI: retraining on a label set nobody here designed.
# Converts the CLAUDETTE corpus (LexGLUE document split) to the training CSV format with the 8 labels as label
# columns, chooses settings (pipeline, regularisation, kind of linear model, context window, each label's decision threshold) on the validation split only,
# then trains on train and reports test micro-/macro-F1 with the LexGLUE protocol (8 labels plus a "none" column). Reads the corpus from $UNFAIR_TOS_DIR or
# ../shared/peer/unfair-tos next to the repository; says it is skipped when the corpus is not there.
# Usage: benchmarks/unfair-tos/run.sh            writes benchmarks/unfair-tos/RESULTS.md
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/benchmarks/unfair-tos"
data="${UNFAIR_TOS_DIR:-$root/../shared/peer/unfair-tos}"
if [ ! -f "$data/lexglue_split.csv" ]; then
  echo "UNFAIR-ToS benchmark skipped: the corpus is not at $data (set UNFAIR_TOS_DIR)." >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/convert.py" "$data" "$work"
dotnet build "$root/src/ProvisionRisk.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$root/src/ProvisionRisk.Cli/bin/Release/net10.0/ProvisionRisk.Cli.dll")
labels="LTD,TER,CH,CR,USE,LAW,J,A"

# Settings are chosen on the validation split only.
: > "$work/validation.txt"
pipelines="${PIPELINES:-stacked linear}"
l2s="${L2S:-0.003 0.01 0.03 0.1 0.5}"
linears="${LINEARS:-nb plain}"
contexts="${CONTEXTS:-0 2}"
for pipeline in $pipelines; do
  # The context window (neighbouring sentences of the same ToS) is read by the stacked pipeline only. A window of 0
  # reads each sentence alone (no region either); any other window also reads the default region around it.
  windows="0"
  if [ "$pipeline" = stacked ]; then windows="$contexts"; fi
  for l2 in $l2s; do
    for linear in $linears; do
     for context in $windows; do
      setting="$pipeline,l2=$l2,$linear"
      if [ "$pipeline" = stacked ]; then setting="$setting,context=$context"; fi
      region=()
      if [ "$context" = 0 ]; then region=(--region 0); fi
      start=$(date +%s)
      "${cli[@]}" train --data "$work/train.csv" --labels "$labels" --pipeline "$pipeline" --l2 "$l2" --linear "$linear" --context "$context" "${region[@]}" --no-cv --out "$work/$setting.model" 2> "$work/$setting.log"
      seconds=$(( $(date +%s) - start ))
      "${cli[@]}" score "$work/validation.csv" --model "$work/$setting.model" --format jsonl --no-evidence > "$work/$setting.validation.jsonl"
      # Each label's threshold: the model's own (chosen in training folds), and the one that maximises F1 on validation.
      python3 "$here/thresholds.py" "$work/validation.csv" "$work/$setting.validation.jsonl" > "$work/$setting.thresholds"
      read -r -a tuned < "$work/$setting.thresholds"
      "${cli[@]}" score "$work/validation.csv" --model "$work/$setting.model" --format jsonl --no-evidence "${tuned[@]}" > "$work/$setting.validation-tuned.jsonl"
      echo "$setting $seconds $(python3 "$here/lexglue_f1.py" "$work/validation.csv" "$work/$setting.validation.jsonl") $(python3 "$here/lexglue_f1.py" "$work/validation.csv" "$work/$setting.validation-tuned.jsonl")" >> "$work/validation.txt"
     done
    done
  done
done
# The setting with the best validation macro-F1 at its validation thresholds; the test split is scored once with
# those thresholds (and, for comparison, once with the model's own thresholds).
best=$(sort -k6 -g -r "$work/validation.txt" | head -n 1 | cut -d' ' -f1)
read -r -a tuned < "$work/$best.thresholds"
"${cli[@]}" score "$work/test.csv" --model "$work/$best.model" --format jsonl --no-evidence "${tuned[@]}" > "$work/test.jsonl"
"${cli[@]}" score "$work/test.csv" --model "$work/$best.model" --format jsonl --no-evidence > "$work/test-own.jsonl"
test_scores=$(python3 "$here/lexglue_f1.py" "$work/test.csv" "$work/test.jsonl")
own_scores=$(python3 "$here/lexglue_f1.py" "$work/test.csv" "$work/test-own.jsonl")
python3 - "$work/validation.txt" "$best" "$test_scores" "$own_scores" "${tuned[*]}" "$pipelines" "$l2s" "$linears" "$contexts" > "$here/RESULTS.md" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
best, test, own, tuned = sys.argv[2], sys.argv[3].split(), sys.argv[4].split(), sys.argv[5]
pipelines, l2s, linears, contexts = (", ".join(a.split()) for a in sys.argv[6:10])
print("# UNFAIR-ToS (LexGLUE) with the ProvisionRisk training CLI\n")
print("Rerun with `benchmarks/unfair-tos/run.sh` (reads the CLAUDETTE corpus from `../shared/peer/unfair-tos` or `$UNFAIR_TOS_DIR`).")
print("Data: the 50 Terms of Service of Lippi et al. (2019) with LexGLUE's document split (train 5,532 / validation 2,275 /")
print("test 1,607 sentences); the 8 unfair-clause types are label columns, each ToS is a cross-validation group. Settings are")
print(f"chosen on validation only: the pipeline ({pipelines}), the L2 regularisation of the linear model")
print(f"({l2s}), its kind (`--linear`: {linears}), for the stacked pipeline the context window (`--context`: {contexts},")
print("the neighbouring sentences of the same ToS read with each sentence; a window above 0 also reads the mean over the")
print("ten sentences on each side, `--region`, and 0 reads each sentence alone) and each label's decision threshold (the")
print("probability that maximises the label's F1 on validation, `thresholds.py`, passed to `score --threshold`). The model")
print("is trained on train; the test split is scored once with the chosen setting. Metrics follow LexGLUE: micro- and")
print("macro-F1 over 9 columns (the 8 labels plus \"no label\").\n")
print("| setting (validation) | training time (s, 2 cores) | micro-F1, model's thresholds | macro-F1, model's thresholds | micro-F1, validation thresholds | macro-F1, validation thresholds |")
print("|---|---|---|---|---|---|")
for p, s, mi, ma, tmi, tma in rows:
    print(f"| {p} | {s} | {float(mi):.1f} | {float(ma):.1f} | {float(tmi):.1f} | {float(tma):.1f} |")
print()
print("The validation-threshold columns are measured on the data the thresholds were chosen on; they rank settings only.")
print()
print("| model (test) | micro-F1 | macro-F1 |")
print("|---|---|---|")
print("| TF-IDF + SVM (LexGLUE) | 94.7 | 75.0 |")
print("| BERT (LexGLUE) | 95.6 | 81.3 |")
print("| Legal-BERT (LexGLUE) | 96.0 | 83.0 |")
print(f"| **ProvisionRisk `{best}`, validation thresholds** | **{float(test[0]):.1f}** | **{float(test[1]):.1f}** |")
print(f"| ProvisionRisk `{best}`, the model's own thresholds (chosen in training folds) | {float(own[0]):.1f} | {float(own[1]):.1f} |")
print()
print(f"Thresholds chosen on validation: `{tuned}`.")
PY
cat "$here/RESULTS.md"
