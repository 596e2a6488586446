#!/usr/bin/env python3
"""Fine-tunes the pre-trained MiniLM-L6 encoder with one logistic output per label on a training CSV (ProvisionRisk's
format: `text` plus label columns; yes/partial/1/true positive) and writes each prediction CSV's probabilities as JSON
lines ({"id", "scores", "flagged"}, flagged at 0.5), the format `provisionrisk score --format jsonl` writes.
Usage: finetune.py MODEL_DIR TRAIN.csv LABELS OUT_DIR PREDICT.csv... [--epochs N] [--lr X] [--seed N]
(MODEL_DIR holds model.onnx and vocab.txt.)"""
import argparse
import csv
import json
import os
import random
import time

import numpy as np
import torch

from minilm import Encoder, WordPiece, pad

POSITIVE = {"yes", "partial", "1", "true"}

parser = argparse.ArgumentParser()
parser.add_argument("model_dir")
parser.add_argument("train")
parser.add_argument("labels")
parser.add_argument("out_dir")
parser.add_argument("predict", nargs="+")
parser.add_argument("--epochs", type=int, default=5)
parser.add_argument("--lr", type=float, default=1e-4)
parser.add_argument("--batch", type=int, default=32)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()

torch.set_num_threads(os.cpu_count() or 1)
torch.manual_seed(args.seed)
random.seed(args.seed)
labels = args.labels.split(",")
tokenizer = WordPiece(os.path.join(args.model_dir, "vocab.txt"))


def read(path, columns):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in columns if rows and c not in rows[0]]
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(missing)}")
    return rows


train = read(args.train, ["text"] + labels)
x = [tokenizer.encode(r["text"]) for r in train]
y = np.array([[r[l].strip().lower() in POSITIVE for l in labels] for r in train], dtype=np.float32)
rate = y.mean(0)
# Rare labels weigh their positives up, by the square root of the class ratio (at most 10).
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(np.minimum(10, ((1 - rate) / rate) ** 0.5), dtype=torch.float32))

encoder = Encoder().load_onnx(os.path.join(args.model_dir, "model.onnx"))
head = torch.nn.Linear(encoder.positions.embedding_dim, len(labels))
parameters = list(encoder.parameters()) + list(head.parameters())
optimizer = torch.optim.AdamW(parameters, lr=args.lr, weight_decay=0.01)
steps = args.epochs * -(-len(x) // args.batch)
# Linear warm-up over the first tenth of the steps, then linear decay to zero.
schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))

for epoch in range(args.epochs):
    encoder.train()
    start = time.time()
    order = list(range(len(x)))
    random.shuffle(order)
    # Batches of similar length (sorted within chunks of 20 batches), in random order.
    batches = []
    for i in range(0, len(order), args.batch * 20):
        chunk = sorted(order[i:i + args.batch * 20], key=lambda j: len(x[j]))
        batches += [chunk[k:k + args.batch] for k in range(0, len(chunk), args.batch)]
    random.shuffle(batches)
    total = 0.0
    for batch in batches:
        loss = loss_fn(head(encoder(*pad([x[j] for j in batch]))), torch.tensor(y[batch]))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()
        schedule.step()
        total += loss.item()
    print(f"epoch {epoch + 1}/{args.epochs}: loss {total / len(batches):.4f}, {time.time() - start:.0f} s", flush=True)

encoder.eval()
os.makedirs(args.out_dir, exist_ok=True)
for path in args.predict:
    rows = read(path, ["id", "text"])
    tokens = [tokenizer.encode(r["text"]) for r in rows]
    probabilities = np.zeros((len(rows), len(labels)))
    order = np.argsort([len(t) for t in tokens])
    with torch.no_grad():
        for i in range(0, len(order), 64):
            batch = order[i:i + 64]
            probabilities[batch] = torch.sigmoid(head(encoder(*pad([tokens[j] for j in batch])))).numpy()
    out = os.path.join(args.out_dir, os.path.splitext(os.path.basename(path))[0] + ".jsonl")
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        for r, p in zip(rows, probabilities):
            f.write(json.dumps({"id": r["id"], "scores": {l: round(float(v), 6) for l, v in zip(labels, p)},
                                "flagged": {l: bool(v >= 0.5) for l, v in zip(labels, p)}}) + "\n")
    os.replace(out + ".tmp", out)
    print(f"wrote {out}")
