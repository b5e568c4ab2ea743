"""Optuna's samplers on the same test functions, budgets and seeds as `sparksweep bench search-benchmark`.

Usage: /usr/bin/python3 optuna_search.py --seeds 20 --budgets 50,100,200 --functions branin,hartmann6
Prints the same table as the Java command: median over seeds of the best value after N trials.
With --per-seed-out FILE it instead writes every seed's best value after each budget (and the time spent
in ask and tell) as TSV, which the Java command reads to pair Optuna's runs with its own, seed by seed.
Samplers: random, sobol, tpe (TPESampler's defaults: univariate), tpe-uv (the same), tpe-mv (multivariate=True), nsga2.
Functions beyond the Java command's: rastrigin4 (for checks outside the benchmark set).
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


def ackley(x):
    n = len(x)
    sq = sum(v * v for v in x)
    cs = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(sq / n)) - math.exp(cs / n) + 20 + math.e


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    s = math.sin(math.pi * w[0]) ** 2
    for wi in w[:-1]:
        s += (wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2)
    return s + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


def styblinski_tang_argmin():
    x = -2.9  # Newton on the derivative 2x^3 - 16x + 2.5
    for _ in range(50):
        x -= (2 * x ** 3 - 16 * x + 2.5) / (6 * x * x - 16)
    return x


# the same problems (names, domains, optima) as the Java side's SearchProblem
BRANIN_MINIMUM = 5 / (4 * math.pi)
HARTMANN6_MINIMUM = -3.3223680114155147
NUMERIC = {
    "branin": (branin, [(-5, 10), (0, 15)], BRANIN_MINIMUM),
    "hartmann6": (hartmann6, [(0, 1)] * 6, HARTMANN6_MINIMUM),
    "ackley5": (ackley, [(-32.768, 32.768)] * 5, 0.0),
    "levy10": (levy, [(-10, 10)] * 10, 0.0),
    "styblinski-tang4": (styblinski_tang, [(-5, 5)] * 4, 4 * styblinski_tang([styblinski_tang_argmin()])),
    "rosenbrock4": (rosenbrock, [(-5, 10)] * 4, 0.0),
}
# the table mode also knows rastrigin4, a function outside the benchmark set
PROBLEMS = dict(NUMERIC, rastrigin4=(rastrigin, [(-5.12, 5.12)] * 4, 0.0))

# mixed6: see SearchProblem.Mixed6 on the Java side; minimum 0 at x1=1.5, x2=-0.5, n1=3, n2=7, c1=b, c2=green
MIXED_S = {"red": -2.0, "green": 1.5, "blue": 3.0}
MIXED_H = {"red": 0.5, "green": 0.0, "blue": 0.2}
MIXED_T = {"a": 8.0, "b": 3.0, "c": 5.0, "d": 0.0}
MIXED_P = {"a": 1.0, "b": 0.0, "c": 0.5, "d": 2.0}


def mixed6(p):
    return ((p["x1"] - MIXED_S[p["c2"]]) ** 2 + MIXED_H[p["c2"]] + 2 * (p["x2"] + 0.5) ** 2
            + 0.5 * (p["n1"] - MIXED_T[p["c1"]]) ** 2 + MIXED_P[p["c1"]] + 0.1 * (p["n2"] - 7) ** 2)


def paired_problem(name):
    """(distributions by parameter name, function of the params dict, optimum) for the paired benchmark."""
    from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
    if name == "mixed6":
        return ({"x1": FloatDistribution(-5, 5), "x2": FloatDistribution(-5, 5), "n1": IntDistribution(0, 10),
                 "n2": IntDistribution(0, 20), "c1": CategoricalDistribution(["a", "b", "c", "d"]),
                 "c2": CategoricalDistribution(["red", "green", "blue"])}, mixed6, 0.0)
    if name not in NUMERIC:
        raise SystemExit("unknown function " + name)
    function, bounds, optimum = NUMERIC[name]
    names = ["x%d" % (i + 1) for i in range(len(bounds))]
    distributions = {n: FloatDistribution(lo, hi) for n, (lo, hi) in zip(names, bounds)}
    return distributions, (lambda p: function([p[n] for n in names])), optimum


def sampler(name, seed, population=20):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "sobol":
        return optuna.samplers.QMCSampler(qmc_type="sobol", scramble=True, seed=seed, warn_independent_sampling=False)
    if name in ("tpe", "tpe-uv"):
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "gp":  # Optuna 4 or later, with torch
        return optuna.samplers.GPSampler(seed=seed)
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


def run_paired(distributions, function, strategy, seed, trials, parallelism):
    """One seeded run with ask and tell, `parallelism` trials in flight (told oldest first, as the Java side
    does): the best value after each trial and the cumulative CPU seconds spent in ask and tell (process time, so other work on a
    shared machine does not inflate it)."""
    study = optuna.create_study(direction="minimize", sampler=sampler("sobol" if strategy == "qmc" else strategy, seed))
    running, best, curve, spent = [], math.inf, [], []
    total = 0.0
    asked = 0
    while len(curve) < trials:
        while asked < trials and len(running) < parallelism:
            t0 = time.process_time()
            trial = study.ask(distributions)
            total += time.process_time() - t0
            running.append(trial)
            asked += 1
        trial = running.pop(0)
        value = function(trial.params)
        t0 = time.process_time()
        study.tell(trial, value)
        total += time.process_time() - t0
        best = min(best, value)
        curve.append(best)
        spent.append(total)
    return curve, spent


def paired_main(args):
    """Per-seed results for the Java side to pair with its own runs: one TSV row per function, sampler, seed
    and budget (best value after that many trials, mean ms of ask + tell per trial up to it)."""
    budgets = [int(b) for b in args.budgets.split(",")]
    with open(args.per_seed_out, "w") as out:
        out.write("# optuna %s\n" % optuna.__version__)
        out.write("# parallelism %d\n" % args.parallelism)
        out.write("function\tsampler\tseed\tbudget\tbest\tms_per_trial\n")
        for name in args.functions.split(","):
            distributions, function, _ = paired_problem(name)
            for strategy in args.strategies.split(","):
                t0 = time.time()
                for seed in range(args.seeds):
                    curve, spent = run_paired(distributions, function, strategy, seed, max(budgets), args.parallelism)
                    for b in budgets:
                        out.write("%s\toptuna-%s\t%d\t%d\t%r\t%r\n" % (name, strategy, seed, b, curve[b - 1], 1000 * spent[b - 1] / b))
                out.flush()
                print("optuna %s %s: %d seeds in %.1f s" % (strategy, name, args.seeds, time.time() - t0), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--budgets", default="50,100,200")
    parser.add_argument("--functions", default="branin,hartmann6")
    parser.add_argument("--strategies", default="random,sobol,tpe")
    parser.add_argument("--population", type=int, default=20)
    parser.add_argument("--per-seed-out", help="write per-seed results as TSV here instead of printing tables (strategies: tpe, tpe-mv, random, qmc)")
    parser.add_argument("--parallelism", type=int, default=1, help="with --per-seed-out: trials in flight")
    parser.add_argument("--dump", help="also append function,strategy,seed,budget,best rows (CSV) to this file")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore")
    if args.per_seed_out:
        paired_main(args)
        return
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
