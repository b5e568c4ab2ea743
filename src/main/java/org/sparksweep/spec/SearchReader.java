package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.search.AutoSearch;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.StrategyFactory;
import org.sparksweep.space.SearchSpace;

/**
 * Reads the {@code search:} block: the strategy (auto when none is named), trials, seed and the
 * strategy's own options; then, once the space is known, has the strategy check them and checks the
 * warm start ({@code startWith}, {@code warmStartFrom}).
 */
final class SearchReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpecTree tree;

    SearchReader(SpecTree tree) {
        this.tree = tree;
    }

    /** The search settings; null when the block is missing or has a problem of its own (reported). */
    SearchSettings read(JsonNode node) {
        if (node == null) {
            tree.problem("search", "missing: add search: {trials: N} (auto picks gp or tpe), search: {strategy: grid} or search: {strategy: random, trials: N, seed: S}");
            return null;
        }
        SpecTree.Mapping o = tree.object(node, "search");
        if (o == null) return null;
        int before = tree.problemCount();
        // no strategy named: auto picks gp or tpe from the space and the budget
        String strategy = o.get("strategy") == null ? AutoSearch.NAME : tree.text(o, "strategy", true);
        List<String> known = new ArrayList<>(List.of("strategy", "trials", "seed", SearchSettings.START_WITH, SearchSettings.WARM_START_FROM));
        if (strategy != null && !Strategies.all().containsKey(strategy)) {
            tree.problem("search.strategy", "no strategy named '" + strategy + "'" + SpecTree.suggestion(strategy, Strategies.all().keySet())
                    + "; strategies: " + Strategies.all().keySet());
            strategy = null;
        } else if (strategy != null) {
            Strategies.get(strategy).options().forEach(k -> known.add(k.name()));
        }
        o.rejectUnknown(known, strategy == null ? "" : " for strategy " + strategy);
        Map<String, Object> options = new LinkedHashMap<>();
        for (String option : known.subList(3, known.size())) { // warm-start keys are checked with the space, see warmStart
            JsonNode v = o.get(option);
            if (v != null) options.put(option, JSON.convertValue(v, Object.class));
        }
        Long trials = null;
        JsonNode t = o.get("trials");
        if (t != null) {
            if (!t.isIntegralNumber()) tree.problem("search.trials", "must be an integer, got " + SpecTree.plain(t));
            else trials = t.asLong();
        }
        long seed = SearchSettings.DEFAULT_SEED;
        JsonNode s = o.get("seed");
        if (s != null) {
            if (!s.isIntegralNumber()) tree.problem("search.seed", "must be an integer, got " + SpecTree.plain(s));
            else seed = s.asLong();
        }
        // with a problem of its own the block is not also checked by the strategy (an unreadable trials is not a missing one)
        return strategy == null || tree.problemCount() > before ? null : new SearchSettings(strategy, trials, seed, options);
    }

    /** The strategy's own check of its settings against the space, then the warm start's; the settings with typed startWith configs. */
    SearchSettings checkAgainst(SearchSettings search, SearchSpace space) {
        StrategyFactory factory = Strategies.get(search.strategy());
        for (StrategyFactory.SearchProblem p : factory.check(search, space)) tree.problem(p.field(), p.message());
        return warmStart(search, space);
    }

    /**
     * Checks {@code startWith} (every config against the space, typed as the space's parameters) and
     * {@code warmStartFrom: {sweep, top}}, and that the warm-start trials leave the strategy a trial.
     */
    private SearchSettings warmStart(SearchSettings search, SearchSpace space) {
        int before = tree.problemCount();
        Object given = search.option(SearchSettings.START_WITH);
        List<Map<String, Object>> typed = new ArrayList<>();
        if (given != null) {
            if (!(given instanceof List<?> list) || list.isEmpty()) {
                tree.problem("search.startWith", "must be a list of configs, e.g. [{learningRate: 0.01, layers: 2}], got " + given);
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String path = "search.startWith[" + i + "]";
                    if (!(list.get(i) instanceof Map<?, ?> m) || m.keySet().stream().anyMatch(k -> !(k instanceof String))) {
                        tree.problem(path, "must be a mapping of parameter names to values, got " + list.get(i));
                        continue;
                    }
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> config = (Map<String, ?>) m;
                        typed.add(space.config(config).values());
                    } catch (SearchSpace.ConfigException e) {
                        tree.problem(path + "." + e.parameter(), e.problem());
                    }
                }
            }
        }
        Object from = search.option(SearchSettings.WARM_START_FROM);
        int top = 0;
        if (from != null) {
            if (!(from instanceof Map<?, ?> m)) {
                tree.problem("search.warmStartFrom", "must be a mapping like {sweep: NAME, top: 5}, got " + from);
            } else {
                // a plain map (read with the strategy's options), its unknown keys listed without a suggestion
                tree.rejectUnknown("search.warmStartFrom", m.keySet().iterator(), List.of("sweep", "top"), "", false);
                if (!(m.get("sweep") instanceof String name) || !SpecReader.NAME.matcher(name).matches()) {
                    tree.problem("search.warmStartFrom.sweep", "the name of an earlier sweep under the same output root, got " + m.get("sweep"));
                }
                Object t = m.get("top");
                if (t != null && (!(t instanceof Integer || t instanceof Long) || ((Number) t).longValue() < 1 || ((Number) t).longValue() > 10_000)) {
                    tree.problem("search.warmStartFrom.top", "must be a whole number from 1 to 10000 (default " + SearchSettings.DEFAULT_WARM_START_TOP + "), got " + t);
                }
                top = t instanceof Number n ? n.intValue() : SearchSettings.DEFAULT_WARM_START_TOP;
            }
        }
        if (search.trials() != null && typed.size() + top > 0 && typed.size() + top >= search.trials()) {
            tree.problem("search.trials", search.trials() + " trials leave no room for the strategy after " + (typed.size() + top)
                    + " warm-start configs (startWith + warmStartFrom.top, which count against trials): raise trials");
        }
        if (tree.problemCount() > before || given == null) return search;
        Map<String, Object> options = new LinkedHashMap<>(search.options());
        options.put(SearchSettings.START_WITH, typed);
        return new SearchSettings(search.strategy(), search.trials(), search.seed(), options);
    }
}
