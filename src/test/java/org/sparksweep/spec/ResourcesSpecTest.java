package org.sparksweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's resources: block: what a trial asks of an executor, checked before anything runs. */
class ResourcesSpecTest {
    static String spec(String resources) {
        return """
                name: res
                model: {trainer: function, function: sphere}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space: {x1: {choice: [0.0, 1.0]}}
                """ + resources;
    }

    @Test
    void withoutABlockATrialHoldsOneCore() throws SpecException {
        SweepSpec s = SpecReader.parse(spec(""), "r.yaml", false);
        assertEquals(Resources.DEFAULT, s.resources());
        assertTrue(s.resources().isDefault());
    }

    @Test
    void cpusAndGpusAreRead() throws SpecException {
        SweepSpec s = SpecReader.parse(spec("resources: {cpus: 2, gpus: 0.5}\n"), "r.yaml", false);
        assertEquals(new Resources(2, 0.5), s.resources());
        assertFalse(s.resources().isDefault());
    }

    @Test
    void resourcesDoNotChangeTheSpecHash() throws SpecException {
        // more cores for a trial compute the same trials: a rerun stays the same sweep
        assertEquals(SpecReader.parse(spec(""), "r.yaml", false).specHash(),
                SpecReader.parse(spec("resources: {cpus: 4}\n"), "r.yaml", false).specHash());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "resources: {cpus: 0}        | resources.cpus: must be a whole number of cores per trial, 1 or more, got 0",
            "resources: {cpus: 1.5}      | resources.cpus: must be a whole number of cores per trial, 1 or more, got 1.5",
            "resources: {cpus: two}      | resources.cpus: must be a whole number of cores per trial, 1 or more, got 'two'",
            "resources: {gpus: -1}       | resources.gpus: must be 0 or more GPUs per trial",
            "resources: {gpus: 1.5}      | resources.gpus: must be 0 or more GPUs per trial (a fraction below 1 shares a GPU, above 1 whole), got 1.5",
            "resources: {cpu: 2}         | resources.cpu: unknown key 'cpu'; did you mean 'cpus'?; allowed: [cpus, gpus]",
            "resources: 2                | resources: must be a mapping of keys to values, got 2",
    })
    void badResourcesNameTheFieldAndTheFix(String block, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(spec(block + "\n"), "r.yaml", false));
        List<String> problems = e.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), problems.toString());
    }
}
