package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.ParetoRanking;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * NSGA-II (Deb et al., 2002) for several objectives under constraints, run steady-state so it fits
 * an asynchronous sweep: there are no generation barriers. The first {@code populationSize} trials
 * are seeded random samples; after that every proposal is a child of the current population, made
 * the moment a slot frees. The population is the best {@code populationSize} trials told so far under
 * constrained domination: feasible trials first, by Pareto rank and then crowding distance; then
 * infeasible ones by how far they break the constraints (a trial skipped for a predicted constraint
 * counts, with its predicted violation, so the search learns where the limit lies).
 * <p>
 * A child comes from two parents picked by binary tournament: simulated binary crossover and
 * polynomial mutation on ordered parameters, in the unit interval the domain samples from (so log,
 * integer and quantised scales come for free), uniform crossover and random reset on choices.
 * Conditional parameters are drawn parents first and only when active. A proposal depends only on the
 * seed, its number and the results told before it.
 */
public final class Nsga2Strategy implements Strategy {
    /**
     * @param populationSize      trials kept as parents; also the number of random trials first
     * @param crossoverProbability chance that a child mixes its two parents at all
     * @param mutationProbability  chance per parameter of a mutation; NaN for 1 / (number of parameters)
     * @param crossoverEta         SBX distribution index: larger keeps children closer to their parents
     * @param mutationEta          polynomial mutation's distribution index
     */
    public record Settings(long trials, long seed, int populationSize, double crossoverProbability, double mutationProbability,
                           double crossoverEta, double mutationEta) {
        public static final int DEFAULT_POPULATION = 20;

        public Settings {
            if (trials < 1) throw new IllegalArgumentException("trials must be >= 1");
            if (populationSize < 2) throw new IllegalArgumentException("populationSize must be >= 2");
        }

        public static Settings of(long trials, long seed, int populationSize) {
            return new Settings(trials, seed, populationSize, 0.9, Double.NaN, 20, 20);
        }
    }

    /** A told trial that can be a parent; {@code losses} null when it has no objective values (skipped). */
    private record Member(TrialConfig config, double[] losses, double violation, long order) {
        boolean feasible() {
            return losses != null && violation == 0;
        }
    }

    private final SearchSpace space;
    private final Settings settings;
    private final Goals goals;
    private final List<Parameter> searched;
    private final Proposals proposals;
    private final List<Member> arrivals = new ArrayList<>();
    private List<Member> population = List.of();
    private int[] rank = new int[0];
    private double[] crowding = new double[0];
    private long told;

    public Nsga2Strategy(SearchSpace space, Settings settings, Goals goals) {
        this.space = space;
        this.settings = settings;
        this.goals = goals;
        this.proposals = new Proposals("NSGA-II", settings.trials());
        this.searched = space.parentsFirst().stream().filter(p -> !(p.domain() instanceof Domain.Fixed)).toList();
    }

    @Override
    public Proposal ask(int max) {
        return proposals.take(max, this::propose);
    }

    /** A warm-start trial's result: it joins the population like a child of this search. */
    @Override
    public void learn(TrialResult result) {
        Member m = member(result, result.config(), told++);
        if (m != null) arrivals.add(m);
    }

    /** A resumed sweep's records join the population, count against the budget, and new children are numbered after them. */
    @Override
    public void resume(List<TrialResult> recorded) {
        proposals.resumeAfter(recorded, settings.trials());
        for (TrialResult r : recorded) learn(r);
    }

    @Override
    public void tell(TrialResult result) {
        TrialConfig config = proposals.told(result.index());
        if (config == null) return; // not one of ours, or told twice
        Member m = member(result, config, told++);
        if (m != null) arrivals.add(m);
    }

    /** A completed trial with its objective values, or a skipped one with its predicted violation; else null. */
    private Member member(TrialResult r, TrialConfig config, long order) {
        if (r.status() == TrialStatus.COMPLETED) {
            double[] values = goals.values(r.metrics());
            if (values == null) return null;
            return new Member(config, goals.losses(values), goals.violation(r.metrics(), r.trainSeconds()), order);
        }
        if (r.status() == TrialStatus.SKIPPED_CONSTRAINT) {
            double violation = 0;
            for (Constraint c : goals.constraints()) {
                Double v = c.valueIn(r.metrics(), r.trainSeconds());
                if (v != null) violation += c.violation(v);
            }
            return violation > 0 && Double.isFinite(violation) ? new Member(config, null, violation, order) : null;
        }
        return null;
    }

    @Override
    public OptionalLong plannedTrials() {
        return OptionalLong.of(settings.trials());
    }

    /** Children are made from the results told so far: asked only for free slots. */
    @Override
    public boolean adaptive() {
        return true;
    }

    /** The configs proposed and not yet told: a snapshot, to be taken after each {@link #ask}. */
    @Override
    public IndexDecoder decoder() {
        return proposals.decoder();
    }

    /** Proposal number i: random until a population's worth of trials has been told, then a child of the population. */
    TrialConfig propose(long number) {
        if (!arrivals.isEmpty()) survive();
        if (population.size() < Math.min(settings.populationSize(), 2) || told < settings.populationSize()) {
            return space.sample(settings.seed(), number);
        }
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L ^ (number + 1) * 0xBF58476D1CE4E5B9L);
        TrialConfig a = population.get(tournament(random)).config(), b = population.get(tournament(random)).config();
        return child(a, b, random);
    }

    /** Keeps the best populationSize of the population and the new arrivals (constrained domination, then crowding). */
    private void survive() {
        List<Member> all = new ArrayList<>(population);
        all.addAll(arrivals);
        arrivals.clear();
        List<Member> feasible = all.stream().filter(Member::feasible).toList();
        double[][] losses = feasible.stream().map(Member::losses).toArray(double[][]::new);
        int[] r = ParetoRanking.ranks(losses);
        double[] c = ParetoRanking.crowding(losses, r);
        Map<Member, Integer> rankOf = new HashMap<>();
        Map<Member, Double> crowdOf = new HashMap<>();
        for (int i = 0; i < feasible.size(); i++) {
            rankOf.put(feasible.get(i), r[i]);
            crowdOf.put(feasible.get(i), c[i]);
        }
        Comparator<Member> order = Comparator.comparing((Member m) -> !m.feasible())
                .thenComparingInt(m -> rankOf.getOrDefault(m, Integer.MAX_VALUE))
                .thenComparing(m -> -crowdOf.getOrDefault(m, 0.0))
                .thenComparingDouble(Member::violation)
                .thenComparingLong(Member::order);
        List<Member> sorted = new ArrayList<>(all);
        sorted.sort(order);
        population = List.copyOf(sorted.subList(0, Math.min(settings.populationSize(), sorted.size())));
        rank = new int[population.size()];
        crowding = new double[population.size()];
        for (int i = 0; i < population.size(); i++) {
            Member m = population.get(i);
            rank[i] = rankOf.getOrDefault(m, Integer.MAX_VALUE);
            crowding[i] = crowdOf.getOrDefault(m, 0.0);
        }
    }

    /** Binary tournament: feasible beats infeasible, then lower rank, then larger crowding distance, then smaller violation. */
    private int tournament(SplittableRandom random) {
        int i = random.nextInt(population.size()), j = random.nextInt(population.size());
        Member a = population.get(i), b = population.get(j);
        if (a.feasible() != b.feasible()) return a.feasible() ? i : j;
        if (!a.feasible()) return a.violation() <= b.violation() ? i : j;
        if (rank[i] != rank[j]) return rank[i] < rank[j] ? i : j;
        return crowding[i] >= crowding[j] ? i : j;
    }

    private TrialConfig child(TrialConfig a, TrialConfig b, SplittableRandom random) {
        boolean cross = random.nextDouble() < settings.crossoverProbability();
        double pm = Double.isNaN(settings.mutationProbability()) ? 1.0 / Math.max(1, searched.size()) : settings.mutationProbability();
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : space.parentsFirst()) {
            if (p.conditional() && !p.when().holdsFor(values.get(p.when().parent()))) continue;
            values.put(p.name(), gene(p, a, b, cross, pm, random));
        }
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) if (values.containsKey(p.name())) ordered.put(p.name(), values.get(p.name()));
        return new TrialConfig(ordered);
    }

    private Object gene(Parameter p, TrialConfig a, TrialConfig b, boolean cross, double pm, SplittableRandom random) {
        Domain d = p.domain();
        if (d instanceof Domain.Fixed f) return f.value();
        boolean inA = a.has(p.name()), inB = b.has(p.name());
        if (!inA && !inB) return d.sample(random.nextDouble()); // newly active: neither parent had it
        if (!d.ordered()) {
            Object v = inA && inB ? (cross && random.nextBoolean() ? b.get(p.name()) : a.get(p.name())) : (inA ? a : b).get(p.name());
            return random.nextDouble() < pm ? d.gridValue(random.nextInt((int) d.gridSize())) : v;
        }
        double u = inA ? d.unit(a.get(p.name())) : d.unit(b.get(p.name()));
        if (inA && inB && cross && random.nextBoolean()) u = sbx(u, d.unit(b.get(p.name())), random);
        if (random.nextDouble() < pm) u = mutate(u, random);
        return d.sample(Math.min(Math.max(u, 0), Math.nextDown(1.0)));
    }

    /** One child of simulated binary crossover between x1 and x2 in [0, 1], with bounds. */
    private double sbx(double x1, double x2, SplittableRandom random) {
        if (Math.abs(x1 - x2) < 1e-14) return x1;
        double lo = Math.min(x1, x2), hi = Math.max(x1, x2), eta = settings.crossoverEta();
        double r = random.nextDouble();
        boolean low = random.nextBoolean();
        double beta = 1 + 2 * (low ? lo : 1 - hi) / (hi - lo);
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        double betaq = r <= 1 / alpha ? Math.pow(r * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - r * alpha), 1 / (eta + 1));
        double c = low ? 0.5 * ((lo + hi) - betaq * (hi - lo)) : 0.5 * ((lo + hi) + betaq * (hi - lo));
        return Math.min(Math.max(c, 0), 1);
    }

    /** Polynomial mutation of x in [0, 1] (Deb's bounded form). */
    private double mutate(double x, SplittableRandom random) {
        double eta = settings.mutationEta(), r = random.nextDouble(), power = 1 / (eta + 1);
        double delta;
        if (r < 0.5) {
            double xy = 1 - x, val = 2 * r + (1 - 2 * r) * Math.pow(xy, eta + 1);
            delta = Math.pow(val, power) - 1;
        } else {
            double xy = x, val = 2 * (1 - r) + 2 * (r - 0.5) * Math.pow(xy, eta + 1);
            delta = 1 - Math.pow(val, power);
        }
        return Math.min(Math.max(x + delta, 0), 1);
    }
}
