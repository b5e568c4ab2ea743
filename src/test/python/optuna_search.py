"""Optuna's samplers on the same test functions, budgets and seeds as `sparksweep search-benchmark`.

Usage: /usr/bin/python3 optuna_search.py --seeds 20 --budgets 50,100,200 --functions branin,hartmann6
Prints the same table as the Java command: median over seeds of the best value after N trials.
Samplers: random, sobol, tpe (TPESampler's defaults: univariate), tpe-uv (the same), tpe-mv (multivariate=True), nsga2.
Functions beyond the Java command's: rastrigin4 and rosenbrock4 (for checks outside the benchmark set).
"""
import argparse
import math
import statistics
import time
import warnings

import optuna

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    u = x[1] - b * x[0] ** 2 + c * x[0] - 6
    return u * u + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    f = 0.0
    for i in range(4):
        e = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        f -= HARTMANN_ALPHA[i] * math.exp(-e)
    return f


def zdt(x, second):
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return x[0], second(x[0], g)


def zdt1(x):
    return zdt(x, lambda f1, g: g * (1 - math.sqrt(f1 / g)))


def zdt2(x):
    return zdt(x, lambda f1, g: g * (1 - (f1 / g) ** 2))


# two-objective functions: hypervolume up to this reference point, as in the Java command
REFERENCE = (1.1, 11.0)
MULTI = {
    "zdt1": (zdt1, [(0, 1)] * 30, 1.1 * 11 - 1 / 3),
    "zdt2": (zdt2, [(0, 1)] * 30, 1.1 * 11 - 2 / 3),
}


def hypervolume(points):
    """Area dominated by 2-objective points (both minimised) up to REFERENCE."""
    inside = sorted(p for p in points if p[0] < REFERENCE[0] and p[1] < REFERENCE[1])
    area, lowest = 0.0, REFERENCE[1]
    for f1, f2 in inside:
        if f2 >= lowest:
            continue
        area += (REFERENCE[0] - f1) * (lowest - f2)
        lowest = f2
    return area


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


PROBLEMS = {
    "branin": (branin, [(-5, 10), (0, 15)], 0.397887),
    "hartmann6": (hartmann6, [(0, 1)] * 6, -3.32237),
    "rastrigin4": (rastrigin, [(-5.12, 5.12)] * 4, 0.0),
    "rosenbrock4": (rosenbrock, [(-2.048, 2.048)] * 4, 0.0),
}


def sampler(name, seed, population=20):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "sobol":
        return optuna.samplers.QMCSampler(qmc_type="sobol", scramble=True, seed=seed, warn_independent_sampling=False)
    if name in ("tpe", "tpe-uv"):
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(population_size=population, seed=seed)
    raise SystemExit("unknown sampler " + name)


def run(function, bounds, strategy, seed, trials):
    study = optuna.create_study(direction="minimize", sampler=sampler(strategy, seed))

    def objective(trial):
        return function([trial.suggest_float("x%d" % (i + 1), lo, hi) for i, (lo, hi) in enumerate(bounds)])

    study.optimize(objective, n_trials=trials)
    best, curve = math.inf, []
    for t in study.trials:
        best = min(best, t.value)
        curve.append(best)
    return curve


def run_multi(function, bounds, strategy, seed, trials, population):
    study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler(strategy, seed, population))

    def objective(trial):
        return function([trial.suggest_float("x%d" % (i + 1), lo, hi) for i, (lo, hi) in enumerate(bounds)])

    study.optimize(objective, n_trials=trials)
    return [tuple(t.values) for t in study.trials]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--budgets", default="50,100,200")
    parser.add_argument("--functions", default="branin,hartmann6")
    parser.add_argument("--strategies", default="random,sobol,tpe")
    parser.add_argument("--population", type=int, default=20)
    parser.add_argument("--dump", help="also append function,strategy,seed,budget,best rows (CSV) to this file")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore")
    budgets = [int(b) for b in args.budgets.split(",")]
    print("Optuna %s: median over %d seeds of the best value after N trials (regret to the optimum in brackets)"
          % (optuna.__version__, args.seeds))
    for name in args.functions.split(","):
        if name in MULTI:
            function, bounds, best = MULTI[name]
            print("\n%s: median hypervolume up to %s after N trials (best possible %.4f; gap in brackets); NSGAIISampler population %d"
                  % (name, REFERENCE, best, args.population))
            print("%-8s" % "sampler" + "".join(" %24s" % ("N=%d" % b) for b in budgets) + " %9s" % "seconds")
            for strategy in args.strategies.split(","):
                if strategy.startswith("tpe"):
                    continue  # Optuna 3.1's TPE is single-objective here (MOTPE is a separate sampler)
                t0 = time.time()
                runs = [run_multi(function, bounds, strategy, seed, max(budgets), args.population) for seed in range(args.seeds)]
                cells = []
                for b in budgets:
                    m = statistics.median(hypervolume(r[:b]) for r in runs)
                    cells.append(" %24s" % ("%.4f (%.2e)" % (m, best - m)))
                print("%-8s" % strategy + "".join(cells) + " %9.1f" % (time.time() - t0))
            continue
        function, bounds, optimum = PROBLEMS[name]
        print("\n%s (optimum %s)" % (name, optimum))
        print("%-8s" % "sampler" + "".join(" %24s" % ("N=%d" % b) for b in budgets) + " %9s" % "seconds")
        for strategy in args.strategies.split(","):
            t0 = time.time()
            curves = [run(function, bounds, strategy, seed, max(budgets)) for seed in range(args.seeds)]
            if args.dump:
                with open(args.dump, "a") as dump:
                    for seed, c in enumerate(curves):
                        for b in budgets:
                            dump.write("%s,optuna-%s,%d,%d,%r\n" % (name, strategy, seed, b, c[b - 1]))
            cells = []
            for b in budgets:
                m = statistics.median(c[b - 1] for c in curves)
                cells.append(" %24s" % ("%.6f (%.2e)" % (m, m - optimum)))
            print("%-8s" % strategy + "".join(cells) + " %9.1f" % (time.time() - t0))


if __name__ == "__main__":
    main()
