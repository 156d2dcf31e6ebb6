#!/usr/bin/python3
"""Reference values for Repère's statistics, from SciPy and statsmodels (an implementation independent of ours).

Run with Debian's python3 (python3-scipy, python3-statsmodels):  /usr/bin/python3 scripts/reference-stats.py
Writes tests/fixtures/stats/reference.json: every input beside the values computed from it. Tests read that file, so
they never need Python.
"""
import itertools
import json
import math
import os

import numpy as np
import scipy
import statsmodels
from scipy import stats
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.meta_analysis import combine_effects
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'stats', 'reference.json')

rng = np.random.default_rng(20260301)


def wilson(k, n):
    low, high = proportion_confint(k, n, alpha=0.05, method='wilson')
    return {'k': k, 'n': n, 'low': float(low), 'high': float(high)}


def t_interval(xs):
    xs = np.asarray(xs, dtype=float)
    n = len(xs)
    mean = float(xs.mean())
    sd = float(xs.std(ddof=1))
    low, high = stats.t.interval(0.95, n - 1, loc=mean, scale=sd / np.sqrt(n))
    return {'values': xs.tolist(), 'mean': mean, 'sd': sd, 'low': float(low), 'high': float(high)}


def median_interval(xs):
    """Order-statistic interval: the largest l with P(Binomial(n, 1/2) <= l - 1) <= 0.025; ranks l and n + 1 - l."""
    xs = sorted(xs)
    n = len(xs)
    l = 0
    for cand in range(1, (n + 1) // 2 + 1):
        if stats.binom.cdf(cand - 1, n, 0.5) <= 0.025:
            l = cand
        else:
            break
    out = {'values': xs, 'median': float(np.median(xs))}
    if l == 0:
        out.update({'low': None, 'high': None})
    else:
        out.update({'low': xs[l - 1], 'high': xs[n - l], 'lowRank': l, 'coverage': float(1 - 2 * stats.binom.cdf(l - 1, n, 0.5))})
    return out


def wilcoxon_case(diffs):
    diffs = [float(d) for d in diffs]
    kept = [d for d in diffs if d != 0]
    n = len(kept)
    ranks = stats.rankdata(np.abs(kept))
    w_plus = float(sum(r for r, d in zip(ranks, kept) if d > 0))
    ties = len(set(np.abs(kept))) < n
    case = {'differences': diffs, 'n': n, 'wPlus': w_plus}
    if n > 25:
        res = stats.wilcoxon(diffs, zero_method='wilcox', correction=True, method='approx')
        case.update({'method': 'normal', 'p': float(res.pvalue), 'source': 'scipy.stats.wilcoxon approx, correction=True'})
    elif not ties:
        res = stats.wilcoxon(diffs, zero_method='wilcox', method='exact')
        case.update({'method': 'exact', 'p': float(res.pvalue), 'source': 'scipy.stats.wilcoxon exact'})
    else:
        # SciPy has no exact test with tied ranks: enumerate every sign pattern (2^n, n <= 20 here).
        mean = ranks.sum() / 2
        gap = abs(w_plus - mean)
        hits = 0
        for signs in itertools.product((0, 1), repeat=n):
            w = sum(r for r, s in zip(ranks, signs) if s)
            if abs(w - mean) >= gap - 1e-9:
                hits += 1
        case.update({'method': 'exact', 'p': hits / 2 ** n, 'source': 'enumeration of all 2^n sign patterns (mid-ranks)'})
    return case


def mcnemar_case(b, c):
    exact = float(mcnemar([[10, b], [c, 10]], exact=True).pvalue)
    n = b + c
    # mid-p = uncapped exact p minus the probability of the observed table (capped at 1 only afterwards).
    m = min(b, c)
    mid = float(min(1.0, 2 * stats.binom.cdf(m, n, 0.5) - stats.binom.pmf(m, n, 0.5))) if n else 1.0
    return {'b': b, 'c': c, 'exact': exact, 'midP': mid, 'binomtest': float(stats.binomtest(b, n, 0.5).pvalue) if n else 1.0}


def newcombe_paired(a, b, c, d):
    """Newcombe (1998) method 10 for paired data, after - before: a = yes->yes, b = yes->no, c = no->yes, d = no->no.

    Written from the paper's formulas, with statsmodels' Wilson intervals for the two shares; the phi correction as in
    Fagerland, Lydersen & Laake (2014, Stat Med 33:2850), whose published example is checked below."""
    n = a + b + c + d
    after, before = (a + c) / n, (a + b) / n
    l_after, u_after = proportion_confint(a + c, n, alpha=0.05, method='wilson')
    l_before, u_before = proportion_confint(a + b, n, alpha=0.05, method='wilson')
    margins = [a + c, b + d, a + b, c + d]
    phi = 0.0
    if min(margins) > 0:
        root = math.sqrt(margins[0] * margins[1] * margins[2] * margins[3])
        cross = a * d - b * c
        phi = (cross - n / 2) / root if cross > n / 2 else (cross / root if cross < 0 else 0.0)
    diff = after - before
    low = diff - math.sqrt((after - l_after) ** 2 + (u_before - before) ** 2 - 2 * phi * (after - l_after) * (u_before - before))
    high = diff + math.sqrt((before - l_before) ** 2 + (u_after - after) ** 2 - 2 * phi * (before - l_before) * (u_after - after))
    return {'a': a, 'b': b, 'c': c, 'd': d, 'difference': diff, 'low': max(-1.0, low), 'high': min(1.0, high)}


# Published check: Cavo et al. (2012) complete response before (rows) and after (columns) consolidation therapy,
# n = [[59, 6], [16, 80]]: Fagerland et al. report before - after = -0.0621 (95 % CI -0.1186 to -0.0046). As after -
# before with a = 59, b = 6 (yes -> no), c = 16 (no -> yes), d = 80 this is 0.0621 (0.0046 to 0.1186).
_cavo = newcombe_paired(59, 6, 16, 80)
assert (round(_cavo['difference'], 4), round(_cavo['low'], 4), round(_cavo['high'], 4)) == (0.0621, 0.0046, 0.1186), _cavo


def clipped_t(xs, low, high):
    """A t interval (scipy) kept inside the scale's bounds [low, high]."""
    case = t_interval(xs)
    case.update({'min': low, 'max': high, 'clippedLow': min(high, max(low, case['low'])), 'clippedHigh': max(low, min(high, case['high']))})
    return case


def anova_icc(groups):
    """One-way ANOVA intraclass correlation from raw values per member: the mean squares from statsmodels' anova_lm on
    OLS y ~ C(member), then rho = (MSB - MSW) / (MSB + (n0 - 1) MSW), floored at 0; design effect 1 + rho (N/g - 1)."""
    ys = [y for g in groups for y in g]
    members = [i for i, g in enumerate(groups) for _ in g]
    table = anova_lm(smf.ols('y ~ C(member)', data={'y': ys, 'member': members}).fit())
    msb = float(table.loc['C(member)', 'mean_sq'])
    msw = float(table.loc['Residual', 'mean_sq'])
    n_total, g = len(ys), len(groups)
    n0 = (n_total - sum(len(x) ** 2 for x in groups) / n_total) / (g - 1)
    icc = max(0.0, (msb - msw) / (msb + (n0 - 1) * msw))
    return icc, 1 + icc * (n_total / g - 1)


def pooled_wilson(members):
    """Members' (k, n): the person-weighted proportion sum(k)/sum(n) with statsmodels' Wilson interval, the clustering
    of the members (ANOVA on the 0/1 answers) and the Wilson interval of the effective sample sum/deff."""
    groups = [[1.0] * k + [0.0] * (n - k) for k, n in members]
    k, n = sum(m[0] for m in members), sum(m[1] for m in members)
    low, high = proportion_confint(k, n, alpha=0.05, method='wilson')
    icc, deff = anova_icc(groups)
    adj_low, adj_high = proportion_confint(k / deff, n / deff, alpha=0.05, method='wilson')
    return {'members': [list(m) for m in members], 'k': k, 'n': n, 'low': float(low), 'high': float(high), 'icc': icc, 'deff': deff,
            'adjustedLow': float(adj_low), 'adjustedHigh': float(adj_high)}


def pooled_mean(groups):
    """Members' raw values: the pooled mean and t interval of all the people (scipy), and the members' clustering."""
    xs = np.concatenate([np.asarray(g, dtype=float) for g in groups])
    mean, sd, n = float(xs.mean()), float(xs.std(ddof=1)), len(xs)
    low, high = stats.t.interval(0.95, n - 1, loc=mean, scale=sd / np.sqrt(n))
    icc, deff = anova_icc([list(map(float, g)) for g in groups])
    return {'members': [{'n': len(g), 'sum': float(np.sum(g)), 'sumSquares': float(np.sum(np.square(g)))} for g in groups],
            'mean': mean, 'sd': sd, 'low': float(low), 'high': float(high), 'icc': icc, 'deff': deff}


def dersimonian_laird(estimates, variances):
    """statsmodels' combine_effects(method_re='dl'): the random-effects row of its summary, tau2, Q and I2.
    DerSimonian & Laird (1986) truncate tau2 at 0; statsmodels 0.13 does not (it returns a negative tau2 when Q < df).
    With tau2 = 0 the random-effects estimate is the fixed-effect one: then the fixed-effect row is the reference."""
    res = combine_effects(np.asarray(estimates, dtype=float), np.asarray(variances, dtype=float), method_re='dl')
    frame = res.summary_frame()
    truncated = res.tau2 < 0
    row = frame.loc['fixed effect' if truncated else 'random effect']
    return {'estimates': list(map(float, estimates)), 'variances': list(map(float, variances)), 'estimate': float(row['eff']),
            'se': float(row['sd_eff']), 'low': float(row['ci_low']), 'high': float(row['ci_upp']), 'tau2': 0.0 if truncated else float(res.tau2),
            'q': float(res.q), 'i2': 0.0 if truncated else float(res.i2),
            'source': 'combine_effects fixed-effect row (tau2 < 0 truncated at 0)' if truncated else 'combine_effects random-effect row'}


def quartiles(values):
    xs = np.asarray(values, dtype=float)
    return {'values': list(map(float, values)), 'q1': float(np.percentile(xs, 25)), 'median': float(np.percentile(xs, 50)), 'q3': float(np.percentile(xs, 75))}


ref = {
    'generator': 'scripts/reference-stats.py',
    'versions': {'scipy': scipy.__version__, 'statsmodels': statsmodels.__version__, 'numpy': np.__version__},
    'wilson': [wilson(k, n) for k, n in [(8, 10), (0, 10), (10, 10), (12, 20), (15, 30), (3, 5), (31, 43), (1, 1), (0, 1), (50, 100), (999, 1000), (7, 4000)]],
    'tQuantile': [{'p': p, 'df': df, 'q': float(stats.t.ppf(p, df))} for p in (0.975, 0.995, 0.9, 0.6) for df in (1, 2, 3, 5, 9, 29, 120, 4000)],
    'normalQuantile': [{'p': p, 'q': float(stats.norm.ppf(p))} for p in (0.5, 0.6, 0.9, 0.975, 0.995, 0.9999, 0.001)],
    'normalCdf': [{'z': z, 'p': float(stats.norm.cdf(z))} for z in (-6, -3.2, -1.96, -0.5, 0, 0.3, 1, 1.644854, 2.5, 4, 8)],
    'tInterval': [
        t_interval([3, 5, 4, 6, 2]),
        t_interval([7.5, 8, 6, 9, 10, 5.5, 7, 8, 6.5, 9]),
        t_interval([2, 4]),
        t_interval(rng.normal(60, 15, 40).round(1).tolist()),
        t_interval(rng.integers(0, 11, 300).tolist()),
    ],
    'medianInterval': [median_interval(xs) for xs in (
        [1, 2, 3, 4, 5],
        [4, 1, 8, 2, 6, 3],
        [5, 3, 9, 1, 7, 2, 8, 4, 6, 10, 12],
        rng.integers(0, 40, 30).tolist(),
        rng.integers(0, 200, 2001).tolist(),
    )],
    'wilcoxon': [wilcoxon_case(d) for d in (
        [1, 2, 3, 4, 5, 6],
        [-1, 2, 3, -4, 5, 6, 7, 8],
        [3, -1, 4, -1.5, 5, 9, -2.6, 5.3, 5.8, 9.7, -0.2, 12],
        [4, 4, -4, 8, 8, 0, 12, -8, 4, 12, 0, 16],
        [1, 1, 1, -1, 2, 2, 0, 3, -2, 1],
        rng.integers(-3, 6, 40).tolist(),
        rng.normal(2, 8, 120).round(0).tolist(),
    )],
    'mcnemar': [mcnemar_case(b, c) for b, c in [(2, 9), (0, 5), (4, 4), (1, 6), (3, 14), (10, 25), (0, 0)]],
    'newcombePaired': [newcombe_paired(*cells) for cells in [
        (59, 6, 16, 80), (1, 7, 1, 12), (10, 2, 9, 5), (0, 0, 5, 5), (5, 0, 0, 5), (20, 3, 3, 4), (0, 4, 0, 0),
        (3, 0, 11, 0), (40, 12, 30, 18), (1, 1, 1, 1),
    ]],
    'clippedT': [clipped_t(xs, lo, hi) for xs, lo, hi in [
        ([44, 68], 0, 100), ([6, 6.5, 2, 9], 0, 10), ([96, 100, 100, 88, 92], 0, 100), ([3, 9, 4], 3, 9),
        ([50, 60, 55, 65, 58, 62], 0, 100),
    ]],
    'pooledWilson': [pooled_wilson(m) for m in [
        [(21, 29), (40, 60), (12, 31), (30, 35), (18, 40)],
        [(11, 22), (11, 22)],
        [(301, 412)],
        [(5, 50), (45, 50)],
        [(int(k), int(n)) for n, k in ((n, rng.binomial(n, p)) for n, p in zip(rng.integers(15, 90, 16), rng.uniform(0.4, 0.9, 16)))],
    ] if len(m) > 1],
    'pooledMean': [pooled_mean(g) for g in [
        [rng.integers(0, 11, n).tolist() for n in (29, 41, 18, 55)],
        [rng.normal(mu, 18, n).round(0).clip(0, 100).tolist() for mu, n in ((40, 30), (55, 25), (48, 60), (62, 22), (35, 40), (50, 35))],
        [[5, 6, 7, 5, 6], [5, 6, 7, 5, 6]],
    ]],
    'derSimonianLaird': [dersimonian_laird(y, v) for y, v in [
        ([8.4, 12.1, -2.0, 5.5, 9.9], [9.0, 16.0, 25.0, 12.0, 7.5]),
        ([0.1, 0.12, 0.11, 0.09, 0.1, 0.13], [0.01, 0.02, 0.015, 0.01, 0.02, 0.03]),
        ([21.3, 15.0, 30.2, 8.7, 18.1, 25.5, 12.0, 19.9], [30.0, 45.0, 60.0, 25.0, 50.0, 80.0, 35.0, 40.0]),
        (rng.normal(5, 4, 16).round(2).tolist(), rng.uniform(2, 20, 16).round(2).tolist()),
    ]],
    'quartiles': [quartiles(v) for v in ([72.4, 66.7, 38.7, 85.7, 45.0], [10, 20], [3.5], rng.uniform(0, 100, 16).round(1).tolist())],
}

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w', encoding='utf-8') as f:
    json.dump(ref, f, indent=1)
    f.write('\n')
print('wrote', os.path.normpath(OUT))
