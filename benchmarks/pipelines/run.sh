#!/usr/bin/env bash
# Compares the ways FastTree can be part of the pipeline, by leave-one-instrument-out cross-validation over
# training-data/ (thresholds and calibration chosen inside each training fold), and writes RESULTS.md here.
# Usage: benchmarks/pipelines/run.sh [pipeline ...]   (default: stacked linear fasttree-all)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/benchmarks/pipelines"
pipelines=("${@:-stacked linear fasttree-all}")
read -r -a pipelines <<< "${pipelines[*]}"
dotnet build "$root/src/ProvisionRisk.Cli" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$root/src/ProvisionRisk.Cli/bin/Release/net10.0/ProvisionRisk.Cli.dll")
for p in "${pipelines[@]}"; do
  echo "cross-validating $p ..." >&2
  start=$(date +%s)
  "${cli[@]}" train --data "$root/training-data" --cv --pipeline "$p" --format json > "$out/$p.json" 2> "$out/$p.log"
  echo $(( $(date +%s) - start )) > "$out/$p.seconds"
done
python3 - "$out" "${pipelines[@]}" <<'PY'
import json, sys, os
out, pipelines = sys.argv[1], sys.argv[2:]
lines = ["# Pipeline comparison", "",
         "Leave-one-instrument-out cross-validation over `training-data/` (the three Zambian acts form one group); calibration and",
         "thresholds chosen inside each training fold. Rerun with `benchmarks/pipelines/run.sh` (2 cores; wall time per pipeline",
         "includes every fold).", "",
         "| pipeline | label | precision | recall | F1 | ROC-AUC | PR-AUC | Brier | ECE | wall time (s) |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for p in pipelines:
    path = os.path.join(out, p + ".json")
    if not os.path.exists(path):
        continue
    report = json.load(open(path))
    seconds = open(os.path.join(out, p + ".seconds")).read().strip()
    for l in report["labels"]:
        m = l["pooled"]
        lines.append(f"| {p} | {l['label']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['rocAuc']:.3f} | {m['prAuc']:.3f} | {m['brier']:.3f} | {m['ece']:.3f} | {seconds} |")
open(os.path.join(out, "RESULTS.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
