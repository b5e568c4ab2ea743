package org.sparksweep.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * Where the benchmarks stand: compiled from src/bench with the tests (so ArchitectureTest, which reads the
 * main classes only, never sees them), on top of everything, used by nothing the application ships. Reads the
 * main classes and the benchmark classes (not their tests).
 */
@AnalyzeClasses(packages = "org.sparksweep", importOptions = BenchArchitectureTest.MainAndBenchmarks.class)
class BenchArchitectureTest {

    /** The main classes, and the classes compiled from src/bench; no test classes. */
    static final class MainAndBenchmarks implements ImportOption {
        private static final Pattern TEST_CLASS = Pattern.compile(".*Test(\\$[^/]*)?\\.class$");

        @Override
        public boolean includes(Location location) {
            if (Predefined.DO_NOT_INCLUDE_TESTS.includes(location)) return true;
            return location.contains("/org/sparksweep/bench/") && !location.matches(TEST_CLASS);
        }
    }

    @ArchTest
    static final ArchRule theApplicationDoesNotUseTheBenchmarks = noClasses().that().resideOutsideOfPackage("org.sparksweep.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.sparksweep.bench..")
            .because("the benchmarks are not in the application jar (src/bench is compiled with the tests)");

    @ArchTest
    static final ArchRule scenariosDoNotUseTheCommandLines = noClasses().that().resideInAPackage("org.sparksweep.bench")
            .should().dependOnClassesThat().resideInAnyPackage("org.sparksweep.cli..", "org.sparksweep.bench.cli..")
            .because("the scenarios are driven by the benchmark commands, and run CLI command lines through a callback");
}
