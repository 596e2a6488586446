#!/usr/bin/env bash
# Quality benchmark: the same leave-one-instrument-out protocol (calibration and thresholds chosen inside each
# training fold) for the shipped pipeline and its baselines, over training-data/; writes RESULTS.md here.
#   cue-rules     a transparent baseline: the sum of the codebook's directional cues, calibrated
#   linear-plain  logistic regression on word/character n-grams and cues
#   linear        the same averaged with logistic regression on naive-Bayes weighted features (the shipped linear model)
#   fasttree      FastTree alone, on the cues and the 1,000 most frequent n-grams
#   stacked-alone the shipped pipeline with each provision read alone (--context 0 --region 0)
#   stacked-neighbours  the same with its neighbours but without the mean over its region (--region 0)
#   stacked       the shipped pipeline: each provision read with its neighbours and its region in the instrument
#   stacked-no-linear-cues  the same with the legal cues left to the trees, out of the linear models (--linear-cues no)
# Usage: benchmarks/quality/run.sh [pipeline ...]       (default: all eight; 2 cores: about 1-11 minutes each)
# Also: the labellers' agreement (training-data/agreement/kappa.py), and ceiling.py and learning_curve.py (both need
# Debian's python3-sklearn).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/benchmarks/quality"
read -r -a pipelines <<< "${*:-cue-rules linear-plain linear fasttree stacked-alone stacked-neighbours stacked stacked-no-linear-cues}"
dotnet build "$root/src/ProvisionRisk.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$root/src/ProvisionRisk.Cli/bin/Release/net10.0/ProvisionRisk.Cli.dll")
mkdir -p "$out/runs"
for p in "${pipelines[@]}"; do
  echo "cross-validating $p ..." >&2
  start=$(date +%s)
  case "$p" in
    linear-plain) options=(--pipeline linear --linear plain) ;;
    stacked-alone) options=(--pipeline stacked --context 0 --region 0) ;;
    stacked-neighbours) options=(--pipeline stacked --region 0) ;;
    stacked-no-linear-cues) options=(--pipeline stacked --linear-cues no) ;;
    *) options=(--pipeline "$p") ;;
  esac
  "${cli[@]}" train --data "$root/training-data" --cv "${options[@]}" --format json --predictions "$out/runs/$p-predictions.csv" \
    > "$out/runs/$p.json" 2> "$out/runs/$p.log"
  echo $(( $(date +%s) - start )) > "$out/runs/$p.seconds"
done
echo "behaviour pairs on the shipped model ..." >&2
dotnet test "$root/tests/ProvisionRisk.Tests" -c Release --filter "FullyQualifiedName~BehaviourTests" \
  --logger "console;verbosity=detailed" > "$out/runs/behaviour.log" 2>&1 || true
echo "agreement between labellers, and the linear model told the labelled kind ..." >&2
python3 "$root/training-data/agreement/kappa.py" > "$out/runs/agreement.txt"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  /usr/bin/python3 "$out/ceiling.py" "$root/training-data" > "$out/runs/ceiling.txt"
  echo "learning curve over the number of labelled instruments ..." >&2
  /usr/bin/python3 "$out/learning_curve.py" --cli "${cli[1]}" "$root/training-data" > "$out/runs/learning-curve.txt"
else
  echo "ceiling.py and learning_curve.py skipped: scikit-learn is not installed (apt-get install python3-sklearn)" >&2
fi
python3 "$out/report.py" "$out"
