package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialSchedule;
import org.sparksweep.trial.TrialStatus;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018) and asynchronous Hyperband on a budget the
 * trainer understands (a setting such as {@code epochs}). Budgets form rungs min, min·eta, min·eta², …, max.
 * Whenever a slot is free, a trial is promoted if one can be: the best not-yet-promoted trial of the highest
 * rung whose top 1/eta (of all trials that reached that rung so far) it is in; otherwise a new config is
 * sampled at the bracket's lowest rung. A promotion is a new trial (a new index): its parent's config with
 * the next rung's budget, continuing from the parent's checkpoint on the sweep's storage. No trial waits
 * for a rung to fill, so no slot idles for a straggler.
 * <p>
 * Hyperband runs several such brackets, bracket s starting at rung s (s = 0 is ASHA itself, the most
 * aggressive), and hands new configs to brackets in Hyperband's proportions: per round, bracket s gets
 * ceil((S+1)/(S+1-s) · eta^(S-s)) configs, S being the highest starting rung.
 * <p>
 * Configs are the seeded random sample of the space (config i depends only on the seed and i); which
 * trials are promoted depends on the results and the order they are told in, so a sweep is
 * reproducible given that order. A failed or diverged trial counts at its rung as the worst and is never promoted.
 */
public final class SuccessiveHalving implements Strategy {

    /**
     * @param configs       how many configs to sample (each starts at its bracket's lowest rung)
     * @param budgetSetting the trainer setting the budget goes to (e.g. epochs)
     * @param minBudget     the lowest rung's budget
     * @param maxBudget     the highest rung's budget
     * @param eta           the reduction factor: the top 1/eta of a rung is promoted
     * @param hyperband     several brackets (Hyperband) instead of one (ASHA)
     */
    public record Settings(long configs, long seed, boolean minimize, String budgetSetting, long minBudget, long maxBudget, int eta,
            boolean hyperband) {
        public Settings {
            if (configs < 1) throw new IllegalArgumentException("trials must be >= 1, got " + configs);
            if (minBudget < 1) throw new IllegalArgumentException("the minimum budget must be >= 1, got " + minBudget);
            if (maxBudget <= minBudget) throw new IllegalArgumentException("the maximum budget must exceed the minimum (" + minBudget + "), got " + maxBudget);
            if (eta < 2) throw new IllegalArgumentException("eta must be >= 2, got " + eta);
        }
    }

    /** A trial that reached a rung: its loss (minimised; infinite for a failed trial). */
    private record Entry(String trialId, TrialConfig config, double loss) {}

    /** A trial proposed and not yet told. */
    private record Running(int bracket, int rung) {}

    private final SearchSpace space;
    private final Settings settings;
    private final long[] budgets;
    private final List<List<List<Entry>>> brackets = new ArrayList<>(); // bracket → rung → entries
    private final Set<String> promoted = new HashSet<>();
    private final Map<Long, Running> running = new LinkedHashMap<>();
    private final Map<Long, ScheduledTrials.Scheduled> pending = new LinkedHashMap<>();
    private final int[] round; // new configs per bracket in one Hyperband round
    private long sampled;
    private long nextSample;
    private long next;

    public SuccessiveHalving(SearchSpace space, Settings settings) {
        this.space = space;
        this.settings = settings;
        this.budgets = budgets(settings.minBudget(), settings.maxBudget(), settings.eta());
        int count = settings.hyperband() ? budgets.length : 1;
        for (int b = 0; b < count; b++) {
            List<List<Entry>> rungs = new ArrayList<>();
            for (int r = 0; r < budgets.length; r++) rungs.add(new ArrayList<>());
            brackets.add(rungs);
        }
        this.round = new int[count];
        int top = count - 1;
        for (int s = 0; s < count; s++) round[s] = (int) Math.ceil((top + 1.0) / (top + 1 - s) * Math.pow(settings.eta(), top - s));
    }

    /** The rungs' budgets: min·eta^k while below max, then max. */
    public static long[] budgets(long min, long max, int eta) {
        List<Long> out = new ArrayList<>();
        for (long b = min; b < max; b = Math.multiplyExact(b, eta)) out.add(b);
        out.add(max);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    public long[] budgets() {
        return budgets.clone();
    }

    @Override
    public Proposal ask(int max) {
        long from = next;
        for (int i = 0; i < Math.max(1, max); i++) {
            if (!promote() && !sampleNew()) break;
        }
        if (next > from) return new Proposal.Indices(from, next);
        return running.isEmpty() ? new Proposal.Done() : new Proposal.Wait();
    }

    /** Proposes the best promotable trial of the highest rung, over all brackets; false when none is. */
    private boolean promote() {
        for (int rung = budgets.length - 2; rung >= 0; rung--) {
            for (int b = 0; b < brackets.size(); b++) {
                List<Entry> entries = brackets.get(b).get(rung);
                int quota = entries.size() / settings.eta();
                if (quota == 0) continue;
                List<Entry> ranked = new ArrayList<>(entries);
                ranked.sort(Comparator.comparingDouble(Entry::loss));
                for (Entry e : ranked.subList(0, quota)) {
                    if (!Double.isFinite(e.loss()) || promoted.contains(e.trialId())) continue;
                    promoted.add(e.trialId());
                    propose(b, rung + 1, e.config(), e.trialId());
                    return true;
                }
            }
        }
        return false;
    }

    private boolean sampleNew() {
        if (sampled >= settings.configs()) return false;
        sampled++;
        long number = nextSample++;
        propose(bracketOf(number), -1, space.sample(settings.seed(), number), null);
        return true;
    }

    /** Which bracket config number n starts in: Hyperband's proportions, round after round. */
    private int bracketOf(long n) {
        if (brackets.size() == 1) return 0;
        long perRound = 0;
        for (int c : round) perRound += c;
        long k = n % perRound;
        for (int s = 0; s < round.length; s++) { // the most exploratory bracket (most configs) first
            if (k < round[s]) return s;
            k -= round[s];
        }
        throw new AssertionError();
    }

    /** A new trial: the config with the rung's budget (the bracket's first rung when {@code rung} is -1). */
    private void propose(int bracket, int rung, TrialConfig base, String parent) {
        int r = rung < 0 ? bracket : rung;
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(base.values());
        values.put(settings.budgetSetting(), budgets[r]);
        TrialSchedule schedule = new TrialSchedule(r, budgets[r], parent, r < budgets.length - 1, null);
        long index = next++;
        running.put(index, new Running(bracket, r));
        pending.put(index, new ScheduledTrials.Scheduled(new TrialConfig(values), schedule));
    }

    @Override
    public void tell(TrialResult result) {
        Running r = running.remove(result.index());
        ScheduledTrials.Scheduled s = pending.remove(result.index());
        if (r == null || s == null) return; // not one of ours, or told twice
        boolean scored = result.status() == TrialStatus.COMPLETED && result.objective() != null && Double.isFinite(result.objective());
        double loss = !scored ? Double.POSITIVE_INFINITY : settings.minimize() ? result.objective() : -result.objective();
        LinkedHashMap<String, Object> base = new LinkedHashMap<>(s.config().values());
        base.remove(settings.budgetSetting());
        brackets.get(r.bracket()).get(r.rung()).add(new Entry(result.trialId(), new TrialConfig(base), loss));
    }

    /**
     * Rebuilds the rungs from a resumed sweep's records: each recorded trial joins its rung (a fresh
     * config starts in the rung of its bracket; a promotion is in its parent's bracket), the trials it
     * continued count as promoted, the recorded fresh configs count against {@code configs}, and new
     * trials and samples are numbered after the recorded ones. Trials that were running when the
     * earlier run stopped have no record and are not continued; their parents can be promoted again.
     */
    @Override
    public void resume(List<TrialResult> recorded) {
        if (next > 0 || !running.isEmpty()) throw new IllegalStateException("resume comes before the first proposal");
        Map<String, Integer> bracketOf = new HashMap<>();
        long fresh = 0;
        for (TrialResult r : recorded) { // in index order: a parent is recorded before the trials that continue it
            next = Math.max(next, r.index() + 1);
            Integer rung = r.course().rung();
            if (rung == null || rung < 0 || rung >= budgets.length) continue; // a warm-start trial, outside the rungs
            String parent = r.course().parentTrialId();
            Integer bracket = parent == null ? Integer.valueOf(rung) : bracketOf.get(parent);
            if (bracket == null || bracket >= brackets.size()) bracket = Math.min(rung, brackets.size() - 1);
            if (parent == null) fresh++;
            else promoted.add(parent);
            bracketOf.put(r.trialId(), bracket);
            boolean scored = r.status() == TrialStatus.COMPLETED && r.objective() != null && Double.isFinite(r.objective());
            double loss = !scored ? Double.POSITIVE_INFINITY : settings.minimize() ? r.objective() : -r.objective();
            LinkedHashMap<String, Object> base = new LinkedHashMap<>(r.config().values());
            base.remove(settings.budgetSetting());
            brackets.get(bracket).get(rung).add(new Entry(r.trialId(), new TrialConfig(base), loss));
        }
        sampled = fresh;
        nextSample = next; // sample numbers beyond any the earlier run could have used (one sample per index at most)
    }

    /** Unknown in advance: how many promotions happen depends on when results arrive. */
    @Override
    public OptionalLong plannedTrials() {
        return OptionalLong.empty();
    }

    /** Asked only for free slots: each decision sees every result that arrived before it. */
    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public IndexDecoder decoder() {
        return new ScheduledTrials(settings.hyperband() ? "hyperband" : "asha", pending);
    }

    /** Trials that reached each rung (over all brackets), for reports and tests. */
    public long[] trialsPerRung() {
        long[] out = new long[budgets.length];
        for (List<List<Entry>> rungs : brackets) for (int k = 0; k < rungs.size(); k++) out[k] += rungs.get(k).size();
        return out;
    }
}
