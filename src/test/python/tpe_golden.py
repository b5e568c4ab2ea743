"""Reference values for sparksweep's Parzen estimator from Optuna's own TPE estimator.

Usage (from the repository root, with Debian's python3-optuna 3.1):
    /usr/bin/python3 src/test/python/tpe_golden.py > src/test/resources/tpe/parzen-golden.txt

Fits Optuna's `_ParzenEstimator` (TPESampler's default settings: prior weight 1, magic clip,
no endpoints, the default recency weights; univariate or multivariate) to fixed observations and
writes, per case, the observations, the mixture weights, each numeric dimension's centres and widths,
each categorical dimension's per-component probabilities, and the log-density at chosen points.
Everything is expressed in the unit interval sparksweep models numbers in: a float on [lo, hi] maps
linearly (a log float through its logarithm), an integer range lo..hi gives each integer a cell of
width 1 / (hi - lo + 1) (Optuna's bounds widened by half a step). ParzenEstimatorGoldenTest reads
the file; it does not need Python.
"""
import math

import numpy as np
import optuna
from optuna import distributions as dist
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights


def parameters(multivariate):
    return _ParzenEstimatorParameters(
        consider_prior=True,
        prior_weight=1.0,
        consider_magic_clip=True,
        consider_endpoints=False,
        weights=default_weights,
        multivariate=multivariate,
    )


def to_unit(d, v):
    """A value (Optuna's internal representation) in sparksweep's unit interval."""
    if isinstance(d, dist.CategoricalDistribution):
        return float(v)
    if isinstance(d, dist.IntDistribution):
        return (v - (d.low - 0.5)) / (d.high - d.low + 1)
    if d.log:
        return (math.log(v) - math.log(d.low)) / (math.log(d.high) - math.log(d.low))
    return (v - d.low) / (d.high - d.low)


def internal_width(d):
    if isinstance(d, dist.IntDistribution):
        return d.high - d.low + 1
    if d.log:
        return math.log(d.high) - math.log(d.low)
    return d.high - d.low


def internal_low(d):
    if isinstance(d, dist.IntDistribution):
        return d.low - 0.5
    if d.log:
        return math.log(d.low)
    return d.low


def describe(d):
    if isinstance(d, dist.CategoricalDistribution):
        return "categorical %d" % len(d.choices)
    if isinstance(d, dist.IntDistribution):
        return "numeric %r" % (1.0 / (d.high - d.low + 1))
    return "numeric 0.0"


def line(*parts):
    print(" ".join(p if isinstance(p, str) else repr(float(p)) for p in parts))


def case(name, space, observations, points, multivariate):
    names = list(space)
    pe = _ParzenEstimator({k: np.asarray(v, dtype=float) for k, v in observations.items()}, space,
                          parameters(multivariate))
    print("case", name)
    print("multivariate", "true" if multivariate else "false")
    print("dims", len(names))
    for i, k in enumerate(names):
        print("dim", i, describe(space[k]))
    for i, k in enumerate(names):
        line("obs", str(i), *[to_unit(space[k], v) for v in observations[k]])
    line("weights", *pe._weights)
    for i, k in enumerate(names):
        d = space[k]
        if isinstance(d, dist.CategoricalDistribution):
            line("catprobs", str(i), *pe._categorical_weights[k].ravel())
        else:
            line("mus", str(i), *[(m - internal_low(d)) / internal_width(d) for m in pe._mus[k]])
            line("sigmas", str(i), *[s / internal_width(d) for s in pe._sigmas[k]])
    log_pdf = pe.log_pdf({k: np.asarray([p[j] for p in points]) for j, k in enumerate(names)})
    for p, lp in zip(points, log_pdf):
        line("point", *([to_unit(space[k], p[j]) for j, k in enumerate(names)] + [lp]))
    print("end")


def main():
    rng = np.random.RandomState(7)
    x = dist.FloatDistribution(-5.0, 10.0)
    print("# Optuna %s _ParzenEstimator, written by src/test/python/tpe_golden.py; unit-interval values" % optuna.__version__)

    # one float, a few observations (widths from neighbour gaps, clipped below at 1/min(100, n + 2))
    obs = [-4.9, 3.3, 3.31, 7.5, 9.99, 0.2, -1.0]
    case("float-few", {"x": x}, {"x": obs}, [[v] for v in (-5.0, -4.95, 0.0, 2.5, 3.3, 3.305, 6.0, 9.9, 10.0)], False)

    # one float, 40 observations: older ones fade, clip at 1/42
    obs = list(rng.uniform(-5.0, 10.0, size=40))
    case("float-ramp", {"x": x}, {"x": obs}, [[v] for v in np.linspace(-5.0, 10.0, 13)], False)

    # one float, 130 observations: the clip stops at 1/100
    obs = list(rng.uniform(-5.0, 10.0, size=130))
    case("float-many", {"x": x}, {"x": obs}, [[v] for v in np.linspace(-5.0, 10.0, 7)], False)

    # no observations: the prior alone
    case("float-none", {"x": x}, {"x": []}, [[-5.0], [0.0], [2.5], [10.0]], False)

    # a log-scaled float
    lr = dist.FloatDistribution(1e-5, 1.0, log=True)
    case("log-float", {"lr": lr}, {"lr": [1e-3, 2e-3, 5e-2, 1e-5 * 1.5, 0.7]},
         [[v] for v in (1e-5, 1e-4, 1e-3, 3e-3, 0.1, 1.0)], False)

    # an integer range scored by the mass of its cell, as Optuna does
    n = dist.IntDistribution(1, 8)
    case("int-cells", {"n": n}, {"n": [3, 1, 8, 6, 2, 5]}, [[v] for v in range(1, 9)], False)

    # choices: each observation its own smoothed distribution, plus a uniform prior
    c = dist.CategoricalDistribution(["a", "b", "c", "d"])
    case("choice-few", {"c": c}, {"c": [0, 0, 1]}, [[0], [1], [2], [3]], False)
    case("choice-ramp", {"c": c}, {"c": list(rng.randint(0, 4, size=30))}, [[0], [1], [2], [3]], False)

    # multivariate: product kernels with Scott's-rule widths shared by all observations
    y = dist.FloatDistribution(0.0, 1.0)
    case("mv-two-floats", {"x": x, "y": y}, {"x": [-4.0, 0.5, 2.0, 9.0, 6.5], "y": [0.1, 0.9, 0.45, 0.3, 0.75]},
         [[-4.0, 0.1], [0.0, 0.5], [2.0, 0.45], [9.5, 0.95], [-5.0, 0.0], [10.0, 1.0]], True)
    m = 30
    space = {"x": x, "y": y, "lr": lr, "n": n, "c": c}
    obs = {
        "x": list(rng.uniform(-5.0, 10.0, size=m)),
        "y": list(rng.uniform(0.0, 1.0, size=m)),
        "lr": list(np.exp(rng.uniform(math.log(1e-5), 0.0, size=m))),
        "n": list(rng.randint(1, 9, size=m)),
        "c": list(rng.randint(0, 4, size=m)),
    }
    points = [[obs["x"][i], obs["y"][i], obs["lr"][i], obs["n"][i], obs["c"][i]] for i in (0, 7, 29)]
    points += [[-5.0, 0.0, 1e-5, 1, 0], [10.0, 1.0, 1.0, 8, 3], [2.5, 0.5, 3e-3, 4, 2]]
    case("mv-mixed-ramp", space, obs, points, True)


if __name__ == "__main__":
    main()
