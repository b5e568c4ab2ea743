package org.sparksweep.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sparksweep.data.DataFiles;
import org.sparksweep.data.DataSpec;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;

/**
 * Reads a sweep spec (YAML, or JSON for a {@code .json} file) and validates all of it before
 * anything runs. Every problem is collected with its field path and a fix; unknown keys are errors
 * (with the nearest known key suggested), so a typo never silently falls back to a default. Each
 * block has its reader (model, space, data, goals, search, limits, resources); this class parses the
 * text and runs them in order, each seeing what the blocks before it decided (the trainer, the space).
 */
public final class SpecReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final List<String> ROOT_KEYS = List.of("name", "description", "data", "model", "objective", "search", "space", "output",
            "resources", "stop", "budget", "objectives", "scalarization", "constraints");

    private final String source;
    private final SpecTree tree = new SpecTree();

    private SpecReader(String source) {
        this.source = source;
    }

    /** Reads and validates a spec file. */
    public static SweepSpec read(Path file) throws SpecException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(text, file.toString(), file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"));
    }

    /** Parses and validates spec text; {@code source} names it in messages. */
    public static SweepSpec parse(String text, String source, boolean json) throws SpecException {
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new SpecException(source, List.of(where + "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage()));
        }
        SpecReader reader = new SpecReader(source);
        SweepSpec spec = reader.sweep(root);
        if (!reader.tree.problems().isEmpty()) throw new SpecException(source, reader.tree.problems());
        return spec;
    }

    private SweepSpec sweep(JsonNode rootNode) {
        if (rootNode == null || rootNode.isNull() || rootNode.isMissingNode()) {
            tree.problem("", "the spec is empty: it needs at least name, model, objective and search");
            return null;
        }
        SpecTree.Mapping root = tree.object(rootNode, "");
        if (root == null) return null;
        root.rejectUnknown(ROOT_KEYS);

        String name = tree.text(root, "name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            tree.problem("name", "must be 1-128 letters, digits, '.', '_' or '-' starting with a letter or digit (it names a directory), got '"
                    + name + "'");
        }

        ModelReader model = new ModelReader(tree, root);
        Trainer trainer = model.trainer();
        SpaceReader spaceReader = new SpaceReader(tree, model);
        List<Parameter> parameters = spaceReader.read(root.get("space"));
        Map<String, Object> settings = model.settings(parameters);
        DataSpec data = new DataReader(tree).read(root.get("data"), trainer);
        Goals goals = new GoalsReader(tree, trainer).read(root);
        Objective objective = goals == null ? null : goals.objectives().get(0);
        SearchReader searchReader = new SearchReader(tree);
        SearchSettings search = searchReader.read(root.get("search"));

        // built from whatever parameters parsed, so the strategy's problems are reported with all the others
        SearchSpace space = null;
        if (!spaceReader.cyclic()) {
            try {
                space = new SearchSpace(parameters);
            } catch (IllegalArgumentException e) {
                tree.problem("space", e.getMessage());
            }
        }
        if (space != null && search != null) search = searchReader.checkAgainst(search, space);

        SweepLimits limits = new LimitsReader(tree).read(root.get("stop"), root.get("budget"));

        String output = tree.text(root, "output", false);
        if (output == null) output = SweepSpec.DEFAULT_OUTPUT;
        output = DataFiles.absoluteDirectory(output);
        Resources resources = new ResourcesReader(tree).read(root.get("resources"));

        if (!tree.problems().isEmpty()) return null;
        return new SweepSpec(source, name, data, new ModelSpec(trainer.name(), settings), objective, search, space, output,
                SpecContent.hash(rootNode), resources, limits, SpecContent.content(rootNode), goals);
    }
}
