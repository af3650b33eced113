"""Plain-loop reference implementation of the BDM model (no NumPy vectorisation).

Written independently of ``realpolitik.bargaining.bdm`` from the same equations (Scholz,
Calbert & Smith 2011, sec. 3), one actor and one pair at a time, so the fast implementation
can be checked against it on random inputs. It follows the same :class:`BDMOptions`.
"""

from __future__ import annotations

import math


def _median(x, w, how):
    n = len(x)
    if how == "condorcet":
        best, best_f = None, None
        for a in range(n):
            f = sum(w[k] * abs(x[k] - x[a]) for k in range(n))
            if best is None or f < best_f - 1e-12 * max(abs(best_f), 1.0) or (
                abs(f - best_f) <= 1e-12 * max(abs(best_f), 1.0) and x[a] < best
            ):
                if best is not None and abs(f - best_f) <= 1e-12 * max(abs(best_f), 1.0):
                    best = min(best, x[a])
                    best_f = min(best_f, f)
                else:
                    best, best_f = x[a], f
        return best
    pooled = {}
    for p, wi in zip(x, w, strict=True):
        if wi > 0:
            pooled[p] = pooled.get(p, 0.0) + wi
    pos = sorted(pooled)
    total = sum(w)
    half, tol = total / 2.0, 1e-12 * total
    cum = 0.0
    for idx, p in enumerate(pos):
        cum += pooled[p]
        if cum >= half - tol:
            if abs(cum - half) <= tol and idx < len(pos) - 1:
                return 0.5 * (p + pos[idx + 1])
            return p
    return pos[-1]


def _argmin(offers, key):
    """Smallest key; ties (relative 1e-9) go to the lowest resulting position."""
    kmin = min(key(o) for o in offers)
    tied = [o for o in offers if key(o) <= kmin + 1e-9 * max(abs(kmin), 1.0)]
    return min(tied, key=lambda o: o[4])


def _prob(x, w, rv, d, denom):
    n = len(x)

    def vote(k, a, b):
        return w[k] * ((abs(x[k] - x[b]) / d) ** rv[k] - (abs(x[k] - x[a]) / d) ** rv[k])

    total = None
    if denom == "scholz-code":
        total = sum(abs(vote(k, a, b)) for k in range(n) for a in range(n) for b in range(n))
    elif denom == "scholz-code-unordered":
        total = sum(abs(vote(k, a, b)) for k in range(n) for a in range(n)
                    for b in range(a + 1, n))
    p = [[0.0] * n for _ in range(n)]
    for a in range(n):
        for b in range(n):
            if x[a] == x[b]:
                continue
            top = sum(max(vote(k, a, b), 0.0) for k in range(n))
            den = total if total is not None else sum(abs(vote(k, a, b)) for k in range(n))
            p[a][b] = top / den if den > 0 else 0.0
    return p


def _eu(i, j, x, s, p, expo, d, mu, opt):
    dist = abs(x[i] - x[j]) / d
    us = 2 - 4 * (0.5 - 0.5 * dist) ** expo
    uf = 2 - 4 * (0.5 + 0.5 * dist) ** expo
    usq = 2 - 4 * 0.5**expo
    sal = s[j] if opt.salience_in_eu == "target" else s[i]
    e = sal * (p[i][j] * us + (1 - p[i][j]) * uf) + (1 - sal) * us - opt.q * usq
    if opt.q < 1:
        dm = abs(x[i] - mu) / d + dist
        ub = 2 - 4 * max(0.5 - 0.25 * dm, 0.0) ** expo
        uw = 2 - 4 * (0.5 + 0.25 * dm) ** expo
        e -= (1 - opt.q) * (opt.t * ub + (1 - opt.t) * uw)
    return e


def run_reference(position, capability, salience, opt, rounds, scale=None):
    """Return (positions per round, medians per round, means per round, octants per round)."""
    x = [float(v) for v in position]
    c = [float(v) for v in capability]
    s = [float(v) / opt.salience_scale for v in salience]
    n = len(x)
    w = [c[k] * s[k] for k in range(n)]
    fixed = max(x) - min(x) if opt.range != "scale" else scale[1] - scale[0]
    r = [1.0] * n
    hist, octs = [list(x)], [None]
    for _ in range(rounds):
        d = fixed if opt.range != "dynamic" else max(x) - min(x)
        d = d if d > 0 else 1.0
        mu = _median(x, w, opt.median)
        rs = [1.0] * n if opt.security_risk == "neutral" else list(r)
        ps = _prob(x, w, rs if opt.vote_risk == "voter" else [1.0] * n, d,
                   opt.probability_denominator)
        sec = []
        for i in range(n):
            if opt.security_sum == "challenges-against":
                sec.append(sum(_eu(j, i, x, s, ps, rs[j], d, mu, opt) for j in range(n) if j != i))
            else:
                sec.append(sum(_eu(i, j, x, s, ps, rs[i], d, mu, opt) for j in range(n) if j != i))
        mx, mn = max(sec), min(sec)
        r = []
        for i in range(n):
            big = (2 * sec[i] - mx - mn) / (mx - mn) if mx > mn else 0.0
            r.append((1 - big / 3) / (1 + big / 3))
        p = _prob(x, w, r if opt.vote_risk == "voter" else [1.0] * n, d,
                  opt.probability_denominator)
        new = list(x)
        oct_round = [["none"] * n for _ in range(n)]
        for i in range(n):
            offers = []  # (kind, j, eij, eji, newpos)
            for j in range(n):
                if j == i or x[i] == x[j]:
                    continue
                eij = _eu(i, j, x, s, p, r[i], d, mu, opt)
                eji = _eu(j, i, x, s, p, r[i] if opt.risk_perspective == "observer" else r[j],
                          d, mu, opt)
                if eij > 0 and eji > 0:
                    label = "conflict-lose" if eji > eij else "conflict-win"
                elif eij > 0:
                    label = "compromise-gain" if eij > abs(eji) else "capitulation-gain"
                elif eji > 0:
                    label = "compromise-yield" if eji > abs(eij) else "capitulation-yield"
                else:
                    label = "stalemate"
                oct_round[i][j] = label
                if label == "conflict-lose" and opt.conflict_rule == "full-move":
                    offers.append(("conf", j, eij, eji, x[j]))
                elif label == "compromise-yield":
                    ratio = abs(eij) / abs(eji)
                    frac = ratio if opt.compromise_fraction == "ratio" else 1 - ratio
                    offers.append(("comp", j, eij, eji, x[i] + (x[j] - x[i]) * frac))
                elif label == "capitulation-yield" and opt.capitulation == "full-move":
                    offers.append(("cap", j, eij, eji, x[j]))
            best = None
            if opt.offer_selection in ("scholz-compromise", "priority-least-move"):
                for kind in ("conf", "comp", "cap"):
                    cands = [o for o in offers if o[0] == kind]
                    if not cands:
                        continue
                    if kind == "comp" and opt.offer_selection == "scholz-compromise":
                        def key(o, i=i, x=x):
                            return ((abs(o[2]) * x[i] + abs(o[3]) * x[o[1]])
                                    / (abs(o[2]) + abs(o[3])))
                    else:
                        def key(o, i=i, x=x):
                            return abs(o[4] - x[i])
                    best = _argmin(cands, key)
                    break
            elif offers:
                if opt.offer_selection == "least-move":
                    best = _argmin(offers, lambda o, i=i, x=x: abs(o[4] - x[i]))
                else:
                    best = _argmin(offers, lambda o: -o[3])
            if best is not None:
                new[i] = best[4]
        x = new
        hist.append(list(x))
        octs.append(oct_round)
    meds = [_median(h, w, opt.median) for h in hist]
    tw = sum(w)
    means = [sum(w[k] * h[k] for k in range(n)) / tw if tw > 0 else math.nan for h in hist]
    return hist, meds, means, octs
