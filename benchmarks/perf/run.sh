#!/usr/bin/env bash
# Performance benchmarks (targets are for 2 cores); results go to benchmarks/perf/runs/ and summary.md there.
#   BenchmarkDotNet   single-provision latency, batch throughput (1k and 100k provisions, 1 and 2 threads),
#                     segmentation MB/s, model load, training the default model (benchmarks/ProvisionRisk.Benchmarks)
#   bundle size       models/provisionrisk.model
#   cold start        `provisionrisk score` on one instrument of 197 provisions, end to end, median of 7 runs
#   side by side      ProvisionRisk CLI vs a scikit-learn TF-IDF + logistic-regression pipeline (sklearn_baseline.py,
#                     Debian's python3-sklearn): training and scoring the same tables of 10k and 100k provisions as
#                     whole processes (wall time and peak memory), and each side's leave-one-instrument-out ROC-AUC
#   streaming memory  the library's ScoreStream over 10k and 100k provisions made one at a time: peak memory
# Usage: benchmarks/perf/run.sh [--quick] [--with-cv] [--skip-bdn] [--skip-sklearn] [BenchmarkDotNet arguments...]
#   --quick         smoke run: tables of 1k and 2k provisions, BenchmarkDotNet --job dry without the Long category,
#                   both sides trained on four instruments (also PERF_QUICK=1). Its figures are not measurements.
#   --with-cv       also time the library's full leave-one-instrument-out evaluation (`train --cv`, 10+ minutes)
#                   and take the .NET ROC-AUC from it; otherwise the .NET ROC-AUC is the shipped model's (its manifest)
#   --skip-bdn      leave out BenchmarkDotNet;  --skip-sklearn  leave out the scikit-learn side
#   other arguments go to BenchmarkDotNet instead of the default `--filter '*'`, e.g. --filter '*Latency*',
#   --anyCategories Training, --job short; --exclude-category NAME leaves a category out.
# Environment: PERF_SMALL / PERF_LARGE (table sizes), PERF_COLD_RUNS (default 7), PROVISIONRISK_MODEL (a model
# bundle for the BenchmarkDotNet and streaming runs instead of the shipped one).
# A full run takes about an hour on 2 cores; run it on an otherwise idle machine. Each run replaces runs/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
perf="$root/benchmarks/perf"
runs="$perf/runs"
work="$runs/work"
bench_project="$root/benchmarks/ProvisionRisk.Benchmarks"

quick="${PERF_QUICK:-0}"
with_cv=0
run_bdn=1
run_sklearn=1
bdn_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --with-cv) with_cv=1 ;;
    --skip-bdn) run_bdn=0 ;;
    --skip-sklearn) run_sklearn=0 ;;
    *) bdn_args+=("$1") ;;
  esac
  shift
done

if [ "$quick" = 1 ]; then
  small="${PERF_SMALL:-1000}"; large="${PERF_LARGE:-2000}"
  # The same four instruments as the benchmarks' quick training (Inputs.cs).
  train_data=()
  for f in budapest-ets185 pakistan-ifta-2013 qatar-cybercrime-law-14-2014 tanzania-cybercrimes-act-2015; do
    train_data+=(--data "$root/training-data/$f.csv")
  done
  [ ${#bdn_args[@]} -gt 0 ] || bdn_args=(--filter '*' --job dry --exclude-category Long)
  export PROVISIONRISK_BENCH_QUICK=1
else
  small="${PERF_SMALL:-10000}"; large="${PERF_LARGE:-100000}"
  train_data=(--data "$root/training-data")
  [ ${#bdn_args[@]} -gt 0 ] || bdn_args=(--filter '*')
fi
cold_runs="${PERF_COLD_RUNS:-7}"
# One whole instrument of about 200 provisions (197), as a user would score it.
instrument="$root/training-data/instruments/tanzania-cybercrimes-act-2015.txt"
python=/usr/bin/python3   # Debian's own, with Debian's python3-sklearn: what the side-by-side is defined against
# make_table.py and report.py need only the standard library: any python3 will do.

rm -rf "$runs"
mkdir -p "$work" "$runs/time" "$runs/logs"
log() { echo "run.sh: $*" >&2; }
note() { echo "$*" >> "$runs/notes.txt"; log "$*"; }

apt_updated=0
apt_install() { # PACKAGE: installs a Debian package, saying so; non-zero (with the reason) when it cannot
  local pkg="$1" sudo=()
  if ! command -v apt-get >/dev/null 2>&1; then note "cannot install $pkg: no apt-get here"; return 1; fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      note "cannot install $pkg: not root and no password-less sudo"; return 1
    fi
  fi
  log "installing $pkg with apt-get ..."
  if [ "$apt_updated" = 0 ]; then "${sudo[@]}" apt-get update -qq > "$runs/logs/apt-update.log" 2>&1 || true; apt_updated=1; fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" > "$runs/logs/apt-$pkg.log" 2>&1; then
    note "cannot install $pkg: apt-get failed (runs/logs/apt-$pkg.log)"; return 1
  fi
  note "installed $pkg with apt-get"
}

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v (wall time, peak resident memory) into runs/time/NAME.txt,
# its standard error into runs/logs/NAME.err; its standard output is the caller's. Non-zero if COMMAND failed.
timed() {
  local name="$1"; shift
  log "$name ..."
  if /usr/bin/time -v -o "$runs/time/$name.txt" "$@" 2> "$runs/logs/$name.err"; then return 0; fi
  note "$name failed (runs/logs/$name.err)"; return 1
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "mode: $([ "$quick" = 1 ] && echo quick || echo full)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h 2>/dev/null | awk '/^Mem:/ {print $2}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo "os: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
  echo "dotnet: $(dotnet --version)"
  echo "python: $($python --version 2>&1)"
  echo "tables: $small and $large provisions"
} > "$runs/environment.txt"

# Tools: GNU time for wall time and peak memory (required), hyperfine for the cold start (optional).
[ -x /usr/bin/time ] || apt_install time || { log "GNU time (/usr/bin/time) is needed for the process measurements"; exit 1; }
command -v hyperfine >/dev/null 2>&1 || apt_install hyperfine || note "hyperfine not available: cold start timed with a shell loop"

log "building (Release) ..."
dotnet build "$root/src/ProvisionRisk.Cli" -c Release -nologo -v quiet > "$runs/logs/build-cli.log" 2>&1 \
  || { cat "$runs/logs/build-cli.log" >&2; exit 1; }
dotnet build "$bench_project" -c Release -warnaserror -nologo -v quiet > "$runs/logs/build-benchmarks.log" 2>&1 \
  || { cat "$runs/logs/build-benchmarks.log" >&2; exit 1; }
cli_bin="$root/src/ProvisionRisk.Cli/bin/Release/net10.0"
if [ -x "$cli_bin/ProvisionRisk.Cli" ]; then cli=("$cli_bin/ProvisionRisk.Cli"); else cli=(dotnet "$cli_bin/ProvisionRisk.Cli.dll"); fi
bench_bin="$bench_project/bin/Release/net10.0"
if [ -x "$bench_bin/ProvisionRisk.Benchmarks" ]; then bench=("$bench_bin/ProvisionRisk.Benchmarks"); else bench=(dotnet "$bench_bin/ProvisionRisk.Benchmarks.dll"); fi

[ "$run_bdn" = 1 ] || note "skipped: BenchmarkDotNet (--skip-bdn)"
[ "$run_sklearn" = 1 ] || note "skipped: scikit-learn side-by-side (--skip-sklearn)"

# Bundle size.
stat -c %s "$root/models/provisionrisk.model" > "$runs/bundle-bytes.txt"

# BenchmarkDotNet. Its CsProj toolchain finds the project from the working folder, hence the cd.
if [ "$run_bdn" = 1 ]; then
  log "BenchmarkDotNet ${bdn_args[*]} ..."
  if ! (cd "$bench_project" && "${bench[@]}" --artifacts "$runs/bdn" --exporters json "${bdn_args[@]}") > "$runs/logs/bdn.log" 2>&1; then
    note "BenchmarkDotNet reported a failure (runs/logs/bdn.log)"
  fi
fi

# Tables of provisions for the process measurements.
python3 "$perf/make_table.py" "$root/training-data" "$small" "$work/provisions-$small.csv"
python3 "$perf/make_table.py" "$root/training-data" "$large" "$work/provisions-$large.csv"

# Cold start: a new process scoring one whole instrument (with evidence, the default), end to end.
cold=("${cli[@]}" score "$instrument" --format jsonl)
if command -v hyperfine >/dev/null 2>&1; then
  log "cold start (hyperfine, $cold_runs runs) ..."
  hyperfine -N --warmup 1 --runs "$cold_runs" --export-json "$runs/coldstart.json" "$(printf '%q ' "${cold[@]}")" > "$runs/logs/coldstart.log" 2>&1 \
    || note "cold start failed (runs/logs/coldstart.log)"
else
  log "cold start (shell loop, $cold_runs runs) ..."
  "${cold[@]}" > /dev/null 2>&1 || true  # warm-up: file cache
  for _ in $(seq "$cold_runs"); do
    start=$(date +%s%N); "${cold[@]}" > /dev/null 2>> "$runs/logs/coldstart.log"; end=$(date +%s%N)
    echo $(( (end - start) / 1000 )) >> "$runs/coldstart-us.txt"
  done
fi

# The .NET side: train the default pipeline without cross-validation, then score both tables with that model.
dotnet_model="$work/dotnet.model"
timed dotnet-train "${cli[@]}" train "${train_data[@]}" --no-cv --out "$dotnet_model" > /dev/null || dotnet_model="$root/models/provisionrisk.model"
for n in "$small" "$large"; do
  timed "dotnet-score-$n" "${cli[@]}" score "$work/provisions-$n.csv" --model "$dotnet_model" --no-evidence --format jsonl \
    > "$work/dotnet-scores-$n.jsonl" || true
done
# The same on one thread (the command uses every core by default; scikit-learn scores on one).
timed "dotnet-score-1thread-$large" "${cli[@]}" score "$work/provisions-$large.csv" --model "$dotnet_model" --no-evidence \
  --format jsonl --threads 1 > "$work/dotnet-scores-1thread-$large.jsonl" || true

# The library streaming provisions it is handed one at a time (no table in memory).
for n in "$small" "$large"; do
  timed "stream-$n" "${bench[@]}" stream --provisions "$n" > "$runs/stream-$n.json" || true
done

# ROC-AUC of the .NET side: the full evaluation when asked for, else the shipped model's manifest.
if [ "$with_cv" = 1 ]; then
  timed dotnet-cv "${cli[@]}" train "${train_data[@]}" --cv --format json > "$runs/dotnet-cv.json" || true
fi
"${cli[@]}" info --format json > "$runs/dotnet-info.json"
"${bench[@]}" data-hash > "$runs/data-hash.txt"

# The scikit-learn side, with Debian's python3 and python3-sklearn.
if [ "$run_sklearn" = 1 ]; then
  if ! "$python" -c 'import sklearn' 2>/dev/null; then
    apt_install python3-sklearn || true
  fi
  if "$python" -c 'import sklearn' 2>/dev/null; then
    "$python" -c 'import sklearn, numpy, scipy; print("sklearn", sklearn.__version__, "numpy", numpy.__version__, "scipy", scipy.__version__)' \
      >> "$runs/environment.txt"
    timed sklearn-train "$python" "$perf/sklearn_baseline.py" train "${train_data[@]}" --out "$work/sklearn.pkl" > "$runs/sklearn-train.json" || true
    for n in "$small" "$large"; do
      timed "sklearn-score-$n" "$python" "$perf/sklearn_baseline.py" score --model "$work/sklearn.pkl" \
        --table "$work/provisions-$n.csv" --out "$work/sklearn-scores-$n.csv" || true
    done
    timed sklearn-cv "$python" "$perf/sklearn_baseline.py" cv "${train_data[@]}" --out "$runs/sklearn-cv.json" > /dev/null || true
  else
    note "skipped: scikit-learn side-by-side: $python cannot import sklearn and python3-sklearn could not be installed"
  fi
fi

# Row counts, to show each side scored every provision of each table.
for n in "$small" "$large"; do
  for f in "$work/dotnet-scores-$n.jsonl" "$work/sklearn-scores-$n.csv"; do
    if [ -f "$f" ]; then echo "$(basename "$f") $(wc -l < "$f")" >> "$runs/row-counts.txt"; fi
  done
done

python3 "$perf/report.py" "$runs" "$small" "$large"
log "summary: $runs/summary.md"
