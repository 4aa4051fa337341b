"""Random bipartite TF -> target graphs with exact sizes, for the synthetic TFLink release (:mod:`tflink.synth`).

A *class* of interactions (small-scale or large-scale) is drawn over a pool of TFs and a pool of targets so that

* exactly ``n`` distinct (TF, target) pairs exist,
* every TF of the pool has at least one target and every target at least one TF (so the distinct counts are exact),
* TF out-degrees are heavy-tailed (lognormal weights, capped at a CTCF-like hub size),
* given pairs (``excluded``) are avoided, which keeps the small- and large-scale classes disjoint.

Degrees and the "anchor" assignment that guarantees target coverage are computed up front (O(n) integers); the
targets of each TF are then drawn one TF at a time, so callers can stream rows out TF by TF.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

# Largest human hub in TFLink v1.0 (CTCF-like, 19,771 targets) relative to the human large-scale target count.
HUB_FRACTION = 19771 / 20120


class InfeasibleGraph(ValueError):
    """Raised when the requested sizes cannot be met by any simple bipartite graph."""


def hub_cap(n_targets: int, n_edges: int, n_tfs: int) -> int:
    """Largest allowed out-degree: the CTCF-like fraction of the pool, or the whole pool when that is too small."""
    cap = max(1, min(n_targets, int(round(n_targets * HUB_FRACTION))))
    if cap * n_tfs < n_edges:
        cap = n_targets
    return cap


def exact_degrees(rng: np.random.Generator, n_items: int, total: int, caps: np.ndarray, sigma: float) -> np.ndarray:
    """Heavy-tailed integer degrees with ``1 <= d <= caps`` and ``d.sum() == total``."""
    caps = np.asarray(caps, dtype=np.int64)
    if n_items == 0:
        if total:
            raise InfeasibleGraph(f"{total} edges but no TF")
        return np.zeros(0, dtype=np.int64)
    if not n_items <= total <= int(caps.sum()):
        raise InfeasibleGraph(f"{total} edges cannot be spread over {n_items} TFs with caps summing to {caps.sum()}")
    w = rng.lognormal(0.0, sigma, n_items)

    def shape(mult: float) -> np.ndarray:  # saturates towards the cap instead of piling up at it
        return caps * -np.expm1(-w * mult)

    lo, hi = 0.0, 1.0
    while np.clip(np.floor(shape(hi)), 1, caps).sum() < total and hi < 1e12:
        hi *= 2
    for _ in range(200):  # bisection on the multiplier; the clipped sum is monotone in it
        mid = (lo + hi) / 2
        if np.clip(np.floor(shape(mid)), 1, caps).sum() > total:
            hi = mid
        else:
            lo = mid
    deg = np.clip(np.floor(shape(lo)), 1, caps).astype(np.int64)
    short = total - int(deg.sum())
    while short > 0:  # hand out the remainder one by one to TFs still below their cap, largest fraction first
        room = np.flatnonzero(deg < caps)
        frac = shape(lo)[room] % 1.0 + rng.random(room.size) * 1e-9
        take = room[np.argsort(-frac, kind="stable")[:short]]
        deg[take] += 1
        short -= take.size
    return deg


def _anchor_targets(rng: np.random.Generator, deg: np.ndarray, n_targets: int) -> np.ndarray:
    """For every target, one TF that will point at it (TF ``i`` receives at most ``deg[i]`` anchors)."""
    slots = np.repeat(np.arange(deg.size, dtype=np.int64), deg)
    picked = rng.choice(slots.size, size=n_targets, replace=False) if n_targets < slots.size else rng.permutation(
        slots.size)[:n_targets]
    return slots[picked]


def _fix_collisions(rng: np.random.Generator, owner: np.ndarray, n_targets: int, banned: np.ndarray) -> None:
    """Swap anchor owners until no anchor pair (owner[g], g) is in ``banned`` (sorted keys tf * n_targets + g).

    Swapping keeps the multiset of owners, so every TF keeps its number of anchors (<= its degree).
    """
    if banned.size == 0:
        return
    targets = np.arange(n_targets, dtype=np.int64)
    for _ in range(1000):
        bad = np.flatnonzero(np.isin(owner * n_targets + targets, banned))
        if bad.size == 0:
            return
        other = rng.integers(0, n_targets, bad.size)
        owner[bad], owner[other] = owner[other].copy(), owner[bad].copy()
    raise InfeasibleGraph("could not place anchor targets outside the excluded pairs")


@dataclass
class GraphPlan:
    """Sizes, degrees and anchors of one interaction class; :meth:`targets` draws the rest TF by TF."""

    n_tfs: int
    n_targets: int
    degrees: np.ndarray
    anchors: list[np.ndarray]  # per TF: targets it must include
    excluded: dict[int, np.ndarray]  # per TF: targets it must avoid
    target_logw: np.ndarray

    def targets(self, rng: np.random.Generator) -> Iterator[tuple[int, np.ndarray]]:
        """Yield ``(tf, sorted target indices)`` for each TF in pool order (weighted sampling without replacement)."""
        for tf in range(self.n_tfs):
            anchors = self.anchors[tf]
            rest = int(self.degrees[tf]) - anchors.size
            if rest <= 0:
                yield tf, np.sort(anchors)
                continue
            keys = self.target_logw + rng.gumbel(size=self.n_targets)  # Gumbel top-k = weighted draw w/o replacement
            keys[anchors] = -np.inf
            excl = self.excluded.get(tf)
            if excl is not None:
                keys[excl] = -np.inf
            extra = np.argpartition(-keys, rest - 1)[:rest]
            yield tf, np.sort(np.concatenate((anchors, extra)))


def plan_graph(rng: np.random.Generator, n_tfs: int, n_targets: int, n_edges: int,
               excluded: dict[int, np.ndarray] | None = None, sigma: float = 1.5) -> GraphPlan:
    """Plan a class of ``n_edges`` pairs covering all ``n_tfs`` TFs and ``n_targets`` targets."""
    excluded = excluded or {}
    if n_edges < max(n_tfs, n_targets):
        raise InfeasibleGraph(f"{n_edges} edges cannot cover {n_tfs} TFs and {n_targets} targets")
    cap = hub_cap(n_targets, n_edges, n_tfs)
    caps = np.full(n_tfs, cap, dtype=np.int64)
    for tf, excl in excluded.items():
        caps[tf] = min(cap, n_targets - excl.size)
    deg = exact_degrees(rng, n_tfs, n_edges, caps, sigma)
    owner = _anchor_targets(rng, deg, n_targets)
    banned = np.sort(np.concatenate([tf * n_targets + e.astype(np.int64) for tf, e in excluded.items()]
                                    or [np.zeros(0, dtype=np.int64)]))
    _fix_collisions(rng, owner, n_targets, banned)
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(n_tfs + 1))
    anchors = [order[bounds[i]:bounds[i + 1]].astype(np.int64) for i in range(n_tfs)]
    logw = rng.normal(0.0, 1.0, n_targets)
    return GraphPlan(n_tfs, n_targets, deg, anchors, excluded, logw)
