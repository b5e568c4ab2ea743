package org.sparksweep.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example spec shipped in conf/ stays valid as the spec format evolves. */
class BundledSpecsTest {

    static Stream<Path> bundledSpecs() throws Exception {
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of("conf"))) {
            specs = files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
        assertFalse(specs.isEmpty(), "conf/ holds example specs");
        return specs.stream();
    }

    @ParameterizedTest
    @MethodSource("bundledSpecs")
    void isValid(Path spec) throws Exception {
        SweepSpec s = SpecReader.read(spec);
        assertTrue(s.space().parameters().size() > 0, spec + " searches something");
    }
}
