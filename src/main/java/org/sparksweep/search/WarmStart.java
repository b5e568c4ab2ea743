package org.sparksweep.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.TrialResult;

/**
 * Starts a search with known configs: a spec's {@code search.startWith} and the best configs of an
 * earlier sweep ({@code search.warmStartFrom}). They run first, as trials 0 … k−1; the wrapped
 * strategy's trials follow, renumbered from k. An adaptive strategy {@link Strategy#learn learns}
 * from the warm-start results as from its own. With a trial budget the warm-start trials count against
 * it (the wrapped strategy gets {@code trials − k}); a grid still runs every grid point after them.
 */
public final class WarmStart implements Strategy {
    private final List<TrialConfig> configs;
    private final Strategy inner;
    private final int k;
    private long nextWarm;

    private WarmStart(List<TrialConfig> configs, Strategy inner) {
        this.configs = List.copyOf(configs);
        this.inner = inner;
        this.k = configs.size();
    }

    /**
     * The strategy a spec's search settings describe, started with the spec's {@code startWith}
     * configs and then {@code earlier} (configs from an earlier sweep); duplicates run once.
     */
    public static Strategy create(SearchSettings settings, SearchSpace space, Goals goals, List<TrialConfig> earlier) {
        LinkedHashSet<TrialConfig> warm = new LinkedHashSet<>(startWith(settings, space));
        warm.addAll(earlier);
        if (warm.isEmpty()) return Strategies.create(settings, space, goals);
        SearchSettings rest = settings.trials() == null ? settings
                : new SearchSettings(settings.strategy(), Math.max(1, settings.trials() - warm.size()), settings.seed(), settings.options());
        return new WarmStart(new ArrayList<>(warm), Strategies.create(rest, space, goals));
    }

    /** The spec's {@code startWith} configs (checked against the space when the spec was read). */
    @SuppressWarnings("unchecked")
    public static List<TrialConfig> startWith(SearchSettings settings, SearchSpace space) {
        Object given = settings.option(SearchSettings.START_WITH);
        if (!(given instanceof List<?> list)) return List.of();
        List<TrialConfig> out = new ArrayList<>();
        for (Object c : list) out.add(space.config((Map<String, ?>) c));
        return out;
    }

    /** How many configs {@code warmStartFrom} asks for (0 without it). */
    public static int fromSweepTop(SearchSettings settings) {
        return settings.option(SearchSettings.WARM_START_FROM) instanceof Map<?, ?> m && m.get("top") instanceof Number n ? n.intValue()
                : settings.option(SearchSettings.WARM_START_FROM) == null ? 0 : SearchSettings.DEFAULT_WARM_START_TOP;
    }

    /** The earlier sweep {@code warmStartFrom} names, or null. */
    public static String fromSweep(SearchSettings settings) {
        return settings.option(SearchSettings.WARM_START_FROM) instanceof Map<?, ?> m && m.get("sweep") instanceof String s ? s : null;
    }

    @Override
    public Proposal ask(int max) {
        if (nextWarm < k) {
            long from = nextWarm;
            nextWarm = Math.min(k, nextWarm + Math.max(1, max));
            return new Proposal.Indices(from, nextWarm);
        }
        Proposal p = inner.ask(max);
        return p instanceof Proposal.Indices range ? new Proposal.Indices(range.from() + k, range.to() + k) : p;
    }

    @Override
    public void tell(TrialResult result) {
        if (result.index() < k) inner.learn(result);
        else inner.tell(result.withIndex(result.index() - k));
    }

    @Override
    public void learn(TrialResult result) {
        inner.learn(result);
    }

    @Override
    public OptionalLong plannedTrials() {
        OptionalLong rest = inner.plannedTrials();
        return rest.isPresent() ? OptionalLong.of(rest.getAsLong() + k) : rest;
    }

    @Override
    public IndexDecoder decoder() {
        List<TrialConfig> warm = configs;
        int first = k;
        return new Shifted(warm, first, inner.decoder());
    }

    /** The warm-start configs, then the wrapped strategy's trials (with their schedules: rung, budget, checkpoint, stopping rule). */
    private record Shifted(List<TrialConfig> warm, int first, IndexDecoder rest) implements IndexDecoder {
        @Override
        public TrialConfig decode(long index) {
            return index < first ? warm.get((int) index) : rest.decode(index - first);
        }

        @Override
        public org.sparksweep.trial.TrialSchedule schedule(long index) {
            return index < first ? org.sparksweep.trial.TrialSchedule.FULL : rest.schedule(index - first);
        }
    }

    @Override
    public boolean adaptive() {
        return inner.adaptive();
    }

    @Override
    public void resume(List<TrialResult> recorded) {
        List<TrialResult> own = new ArrayList<>();
        for (TrialResult r : recorded) {
            if (r.index() < k) inner.learn(r); // the engine skips warm-start trials that have a record
            else own.add(r.withIndex(r.index() - k));
        }
        inner.resume(own);
    }
}
