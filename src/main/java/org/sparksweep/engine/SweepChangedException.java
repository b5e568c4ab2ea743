package org.sparksweep.engine;

import java.util.List;
import org.sparksweep.spec.SweepSpec;

/**
 * A sweep's records were made from a spec whose search-relevant content differs from this one, so
 * resuming would mix trials of two different searches under one name. It is bad input, not a failed run.
 */
public class SweepChangedException extends SweepFailedException {
    private SweepChangedException(String message) {
        super(message, null);
    }

    static SweepChangedException changed(SweepSpec spec, List<String> changes) {
        return new SweepChangedException(spec.source() + ": sweep " + spec.name() + " already has records under " + spec.output()
                + " made from a different spec; changed: " + String.join(", ", changes)
                + ". Resuming would mix two searches: put the spec back as it was to resume, give the sweep a new name, or pass --new"
                + " to delete its records and start over");
    }

    static SweepChangedException unknown(SweepSpec spec, String records) {
        return new SweepChangedException(spec.source() + ": sweep " + spec.name() + " has records at " + records
                + " but no record of the spec they were made from (an older sparksweep wrote them), so they cannot be resumed;"
                + " pass --new to delete them and start over, or give the sweep a new name");
    }
}
