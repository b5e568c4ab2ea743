package org.sparksweep.spec;

import java.util.List;

/** A spec that cannot run, with every problem found: each names the file, the field path and the fix. */
public class SpecException extends Exception {
    private final List<String> problems;

    public SpecException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        StringBuilder sb = new StringBuilder("invalid sweep spec " + source + " (" + problems.size()
                + (problems.size() == 1 ? " problem)" : " problems)"));
        for (String p : problems) sb.append("\n  ").append(source).append(": ").append(p);
        return sb.toString();
    }
}
