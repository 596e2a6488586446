#!/usr/bin/env python3
"""Writes RUNS/summary.md from what run.sh left in RUNS: every figure next to its target, with PASS or MISSED.

  report.py RUNS SMALL LARGE

SMALL and LARGE are the sizes of the two tables of provisions. Plain standard library.
"""

import glob
import json
import os
import re
import statistics
import sys

MB = 1e6


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def read_json(path):
    text = read(path)
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def gnu_time(runs, name):
    """Wall seconds, peak resident bytes and exit status from a `/usr/bin/time -v` report, or None."""
    text = read(os.path.join(runs, "time", name + ".txt"))
    if not text:
        return None
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    status = re.search(r"Exit status: (\d+)", text)
    if not wall or not rss:
        return None
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return {"seconds": seconds, "rss": int(rss.group(1)) * 1024, "status": int(status.group(1)) if status else 0}


def bdn_benchmarks(runs):
    """BenchmarkDotNet results by (type, method, parameters): statistics in nanoseconds per operation."""
    found = {}
    for path in sorted(glob.glob(os.path.join(runs, "bdn", "results", "*.json"))):
        data = read_json(path) or {}
        for b in data.get("Benchmarks", []):
            if b.get("Statistics"):
                found[(b["Type"], b["Method"], b.get("Parameters", ""))] = b
    return found


def bdn_stat(bdn, type_, method, parameters="", stat="Mean"):
    b = bdn.get((type_, method, parameters))
    return b["Statistics"][stat] if b else None


def row_count(runs, file):
    text = read(os.path.join(runs, "row-counts.txt")) or ""
    for line in text.splitlines():
        name, _, count = line.rpartition(" ")
        if name == file:
            return int(count)
    return None


def fmt(value, pattern="%.3f", missing="not measured"):
    return missing if value is None else pattern % value


def verdict(value, ok):
    if value is None:
        return "not measured"
    return "PASS" if ok(value) else "MISSED"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    runs, small, large = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    root = os.path.abspath(os.path.join(runs, "..", "..", ".."))
    env = read(os.path.join(runs, "environment.txt")) or ""
    quick = "mode: quick" in env
    bdn = bdn_benchmarks(runs)
    out = []
    w = out.append

    w("# Performance run summary")
    w("")
    if quick:
        w("**QUICK SMOKE RUN** (`--quick`): small tables, BenchmarkDotNet's dry job (one cold invocation), both sides "
          "trained on four instruments. It shows that every piece runs; its figures are not measurements.")
        w("")
    w("```")
    w(env.strip())
    w("```")
    w("")
    notes = read(os.path.join(runs, "notes.txt"))
    if notes:
        w("Notes from the run:")
        w("")
        for line in notes.strip().splitlines():
            w("- " + line)
        w("")

    # Figures.
    latency_plain = bdn_stat(bdn, "ScoringLatencyBenchmarks", "ScoreOne", "IncludeEvidence=False", "Median")
    latency_evidence = bdn_stat(bdn, "ScoringLatencyBenchmarks", "ScoreOne", "IncludeEvidence=True", "Median")
    speedups, ordered_speedups = {}, {}
    for size, type_ in (("1k", "BatchThroughput1kBenchmarks"), ("100k", "BatchThroughput100kBenchmarks")):
        one, two = bdn_stat(bdn, type_, "OneThread"), bdn_stat(bdn, type_, "TwoThreads")
        speedups[size] = (one / two) if one and two else None
        ordered = bdn_stat(bdn, type_, "TwoThreadsInOrder")
        ordered_speedups[size] = (one / ordered) if one and ordered else None

    cold = None
    hyperfine = read_json(os.path.join(runs, "coldstart.json"))
    if hyperfine and hyperfine.get("results"):
        cold = hyperfine["results"][0]["median"]
    else:
        loop = read(os.path.join(runs, "coldstart-us.txt"))
        if loop and loop.split():
            cold = statistics.median(int(x) for x in loop.split()) / 1e6

    bundle = read(os.path.join(runs, "bundle-bytes.txt"))
    bundle = int(bundle) if bundle and bundle.strip().isdigit() else None

    dotnet_train = gnu_time(runs, "dotnet-train")
    dotnet_cv = gnu_time(runs, "dotnet-cv")
    sklearn_train = gnu_time(runs, "sklearn-train")
    sklearn_cv_time = gnu_time(runs, "sklearn-cv")
    bdn_train = bdn_stat(bdn, "TrainingBenchmarks", "TrainDefaultModel")
    score = {(side, n): gnu_time(runs, "%s-score-%d" % (side, n)) for side in ("dotnet", "sklearn") for n in (small, large)}
    stream = {n: gnu_time(runs, "stream-%d" % n) for n in (small, large)}

    def rate(side, n):
        t = score[(side, n)]
        return n / t["seconds"] if t and t["status"] == 0 and t["seconds"] > 0 else None

    ratio = {n: (rate("dotnet", n) / rate("sklearn", n)) if rate("dotnet", n) and rate("sklearn", n) else None
             for n in (small, large)}
    one_thread = gnu_time(runs, "dotnet-score-1thread-%d" % large)
    one_thread_rate = large / one_thread["seconds"] if one_thread and one_thread["status"] == 0 and one_thread["seconds"] > 0 else None
    ratio_one_thread = one_thread_rate / rate("sklearn", large) if one_thread_rate and rate("sklearn", large) else None

    # ROC-AUC: the .NET side from this run's full evaluation if there is one, else from the shipped model's manifest.
    dotnet_auc, dotnet_auc_source, dotnet_auc_rows = {}, None, None
    cv = read_json(os.path.join(runs, "dotnet-cv.json"))
    if cv and cv.get("labels"):
        dotnet_auc = {l["label"]: l["pooled"]["rocAuc"] for l in cv["labels"]}
        dotnet_auc_rows = cv["labels"][0]["pooled"]["count"]
        dotnet_auc_source = "`train --cv` in this run (leave-one-instrument-out, pooled held-out probabilities)"
    else:
        info = read_json(os.path.join(runs, "dotnet-info.json"))
        if info and info.get("crossValidation"):
            dotnet_auc = {label: m["rocAuc"] for label, m in info["crossValidation"].items()}
            dotnet_auc_rows = next(iter(info["crossValidation"].values()))["count"]
            current = (read(os.path.join(runs, "data-hash.txt")) or "").strip()
            same = "the same as" if current and current == info.get("trainingDataHash") else "NOT the same as"
            dotnet_auc_source = ("the shipped model's manifest (`provisionrisk info --format json`: its leave-one-instrument-out "
                                 "evaluation, pooled held-out probabilities); the data it was trained on is %s the "
                                 "current training-data/ (hash %s)" % (same, (info.get("trainingDataHash") or "?")[:12]))
    sk = read_json(os.path.join(runs, "sklearn-cv.json"))
    sklearn_auc = {label: m["rocAuc"] for label, m in sk["labels"].items()} if sk else {}
    # Both evaluations must cover the same labelled provisions (a quick run's scikit-learn side sees four instruments).
    comparable = not sk or dotnet_auc_rows is None or sk.get("rows") == dotnet_auc_rows
    labels = sorted(set(dotnet_auc) | set(sklearn_auc))

    stream_growth = (stream[large]["rss"] / stream[small]["rss"] - 1) if stream[small] and stream[large] else None
    table_small, table_large = score[("dotnet", small)], score[("dotnet", large)]
    table_growth = (table_large["rss"] / table_small["rss"] - 1) if table_small and table_large else None

    w("## Targets")
    w("")
    w("| measure | measured | target | result |")
    w("|---|---|---|---|")
    w("| batch throughput vs scikit-learn, %d provisions (whole processes) | %s | ≥ 2× | %s |"
      % (large, fmt(ratio[large], "%.2f×"), verdict(ratio[large], lambda r: r >= 2)))
    w("| the same, ProvisionRisk on one thread (`--threads 1`) | %s | ≥ 2× | %s |"
      % (fmt(ratio_one_thread, "%.2f×"), verdict(ratio_one_thread, lambda r: r >= 2)))
    for label in labels:
        d, s = dotnet_auc.get(label), sklearn_auc.get(label)
        both = None if d is None or s is None else (d, s)
        result = (verdict(both, lambda p: round(p[0], 3) >= round(p[1], 3)) if comparable
                  else "not comparable: %s vs %s provisions" % (dotnet_auc_rows, sk.get("rows")))
        w("| ROC-AUC %s, .NET vs scikit-learn (instrument-grouped) | %s vs %s | .NET ≥ scikit-learn | %s |"
          % (label, fmt(d), fmt(s), result))
    w("| single-provision latency, median, no evidence | %s | ≤ 0.2 ms | %s |"
      % (fmt(latency_plain and latency_plain / 1e6, "%.3f ms"), verdict(latency_plain, lambda v: v <= 0.2e6)))
    w("| single-provision latency, median, with evidence | %s | ≤ 1 ms | %s |"
      % (fmt(latency_evidence and latency_evidence / 1e6, "%.3f ms"), verdict(latency_evidence, lambda v: v <= 1e6)))
    w("| cold start, one instrument (197 provisions), median wall | %s | ≤ 1.0 s | %s |"
      % (fmt(cold, "%.3f s"), verdict(cold, lambda v: v <= 1.0)))
    w("| training the default model, `train --no-cv` whole process | %s | ≤ 60 s | %s |"
      % (fmt(dotnet_train and dotnet_train["seconds"], "%.1f s"), verdict(dotnet_train and dotnet_train["seconds"], lambda v: v <= 60)))
    w("| training the default model, in process (BenchmarkDotNet mean) | %s | ≤ 60 s | %s |"
      % (fmt(bdn_train and bdn_train / 1e9, "%.1f s"), verdict(bdn_train, lambda v: v <= 60e9)))
    w("| full leave-one-instrument-out evaluation, `train --cv` | %s | ≤ 10 min | %s |"
      % (fmt(dotnet_cv and dotnet_cv["seconds"] / 60, "%.1f min", "not measured (run with --with-cv)"),
         verdict(dotnet_cv and dotnet_cv["seconds"], lambda v: v <= 600)))
    w("| peak memory scoring %d provisions (CLI, table) | %s | ≤ 300 MB | %s |"
      % (large, fmt(table_large and table_large["rss"] / MB, "%.0f MB"), verdict(table_large and table_large["rss"], lambda v: v <= 300 * MB)))
    w("| peak memory streaming %d provisions (library, ScoreStream) | %s | ≤ 300 MB | %s |"
      % (large, fmt(stream[large] and stream[large]["rss"] / MB, "%.0f MB"), verdict(stream[large] and stream[large]["rss"], lambda v: v <= 300 * MB)))
    w("| model bundle size | %s | ≤ 20 MB | %s |" % (fmt(bundle and bundle / MB, "%.2f MB"), verdict(bundle, lambda v: v <= 20 * MB)))
    for size in ("100k", "1k"):
        w("| batch throughput, 2 threads vs 1 (%s provisions, BenchmarkDotNet) | %s | ≥ 1.8× | %s |"
          % (size, fmt(speedups[size], "%.2f×"), verdict(speedups[size], lambda v: v >= 1.8)))
        w("| batch throughput, library's own 2-thread scoring in input order vs 1 thread (%s provisions) | %s | ≥ 1.8× | %s |"
          % (size, fmt(ordered_speedups[size], "%.2f×"), verdict(ordered_speedups[size], lambda v: v >= 1.8)))
    w("| memory flat in input size when streaming: peak growth from %d to %d provisions (library) | %s | flat (≤ +10%%) | %s |"
      % (small, large, fmt(stream_growth and stream_growth * 100, "%+.1f%%"), verdict(stream_growth, lambda v: v <= 0.10)))
    w("| the same for the CLI scoring a table (informational: the CLI reads the whole table first) | %s | — | — |"
      % fmt(table_growth and table_growth * 100, "%+.1f%%"))
    w("")
    if dotnet_auc_source:
        w("The .NET ROC-AUC comes from " + dotnet_auc_source + ". scikit-learn's comes from `sklearn_baseline.py cv` "
          "in this run (leave-one-group-out by the `group` column, pooled held-out probabilities).")
        w("")

    w("## Side by side: ProvisionRisk CLI and scikit-learn (whole processes, wall time and peak resident memory)")
    w("")
    w("| step | ProvisionRisk | scikit-learn | ratio (.NET throughput / scikit-learn) |")
    w("|---|---|---|---|")

    def cell(t, n=None):
        if not t:
            return "not measured"
        if t["status"] != 0:
            return "failed (exit %d)" % t["status"]
        text = "%.2f s, %.0f MB" % (t["seconds"], t["rss"] / MB)
        return text + (", %.0f provisions/s" % (n / t["seconds"]) if n else "")

    w("| train on training-data/ | %s | %s | — |" % (cell(dotnet_train), cell(sklearn_train)))
    for n in (small, large):
        w("| score %d provisions (no evidence) | %s | %s | %s |"
          % (n, cell(score[("dotnet", n)], n), cell(score[("sklearn", n)], n), fmt(ratio[n], "%.2f×")))
    w("| leave-one-instrument-out evaluation | %s | %s | — |" % (cell(dotnet_cv), cell(sklearn_cv_time)))
    for label in labels:
        w("| ROC-AUC %s | %s | %s | — |" % (label, fmt(dotnet_auc.get(label)), fmt(sklearn_auc.get(label))))
    w("")
    counts = []
    for n in (small, large):
        for side, file, header in (("ProvisionRisk", "dotnet-scores-%d.jsonl" % n, 0), ("scikit-learn", "sklearn-scores-%d.csv" % n, 1)):
            c = row_count(runs, file)
            if c is not None:
                counts.append("%s wrote %d rows for the %d-provision table" % (side, c - header, n))
    if counts:
        w("Rows written: " + "; ".join(counts) + ".")
        w("")

    w("## Library streaming (ScoreStream over provisions made one at a time, shipped model)")
    w("")
    w("| provisions | wall (whole process) | peak resident memory | provisions/s (scoring loop) |")
    w("|---|---|---|---|")
    for n in (small, large):
        t, j = stream[n], read_json(os.path.join(runs, "stream-%d.json" % n))
        w("| %d | %s | %s | %s |" % (n, fmt(t and t["seconds"], "%.2f s"), fmt(t and t["rss"] / MB, "%.0f MB"),
                                      fmt(j and j.get("provisionsPerSecond"), "%.0f")))
    w("")

    w("## BenchmarkDotNet")
    w("")
    if not bdn:
        w("Not run (or no results): see runs/logs/bdn.log.")
    else:
        instrument_bytes = sum(os.path.getsize(f) for f in glob.glob(os.path.join(root, "training-data", "instruments", "*.txt")))
        w("| benchmark | parameters | mean | median | allocated / op | derived |")
        w("|---|---|---|---|---|---|")
        for (type_, method, parameters), b in sorted(bdn.items()):
            s = b["Statistics"]
            derived = ""
            if type_.startswith("BatchThroughput"):
                derived = "%.0f provisions/s" % (1e9 / s["Mean"])
            elif type_ == "SegmentationBenchmarks":
                derived = "%.2f MB/s (%d bytes per operation)" % (instrument_bytes / MB / (s["Mean"] / 1e9), instrument_bytes)
            allocated = (b.get("Memory") or {}).get("BytesAllocatedPerOperation")
            w("| %s.%s | %s | %s | %s | %s | %s |" % (type_.replace("Benchmarks", ""), method, parameters or "—",
                                                      duration(s["Mean"]), duration(s["Median"]),
                                                      fmt(allocated and allocated / 1024, "%.1f KB", "—"), derived or "—"))
        w("")
        w("Batch throughput times are per provision (OperationsPerInvoke). Full reports: runs/bdn/results/.")
    w("")

    path = os.path.join(runs, "summary.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


def duration(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return "%.3f %s" % (ns / scale, unit)
    return "%.1f ns" % ns


if __name__ == "__main__":
    main()
