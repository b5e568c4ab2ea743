package org.sparksweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.sparksweep.search.Strategy;

/**
 * The package structure the package-info files describe, checked on the compiled main classes: the
 * top-level packages form no cycle, dependencies point one way down the layers, and the packages that
 * must stay testable without a cluster (spec, space, search, trial, trainer outside trainer.dl4j) use
 * neither Spark nor Deeplearning4j/ND4J.
 */
@AnalyzeClasses(packages = "org.sparksweep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule topLevelPackagesFormNoCycle = slices().matching("org.sparksweep.(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreRunsWithoutSparkOrDeeplearning4j = noClasses()
            .that().resideInAnyPackage("org.sparksweep.spec..", "org.sparksweep.space..", "org.sparksweep.search..", "org.sparksweep.trial..",
                    "org.sparksweep.trainer..")
            .and().resideOutsideOfPackage("org.sparksweep.trainer.dl4j..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.deeplearning4j..", "org.nd4j..")
            .because("strategies, trainers and spec checks run and are tested without a SparkSession; only trainer.dl4j trains networks");

    /**
     * From the command line down to the values: cli → progress, report → engine → store → spec →
     * search → trainer → data → trial, plugin → space. A layer may use any layer below it, never one above.
     * The benchmarks (org.sparksweep.bench, src/bench) sit above all of them and are not main classes;
     * BenchArchitectureTest checks where they stand.
     */
    @ArchTest
    static final ArchRule dependenciesPointDownTheLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("org.sparksweep.cli..")
            .layer("views").definedBy("org.sparksweep.progress..", "org.sparksweep.report..")
            .layer("engine").definedBy("org.sparksweep.engine..")
            .layer("store").definedBy("org.sparksweep.store..")
            .layer("spec").definedBy("org.sparksweep.spec..")
            .layer("search").definedBy("org.sparksweep.search..")
            .layer("trainer").definedBy("org.sparksweep.trainer..")
            .layer("data").definedBy("org.sparksweep.data..")
            .layer("values").definedBy("org.sparksweep.trial..", "org.sparksweep.plugin..")
            .layer("space").definedBy("org.sparksweep.space..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("views").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "views")
            .whereLayer("store").mayOnlyBeAccessedByLayers("cli", "views", "engine")
            .whereLayer("spec").mayOnlyBeAccessedByLayers("cli", "views", "engine", "store")
            .whereLayer("search").mayOnlyBeAccessedByLayers("cli", "views", "engine", "store", "spec")
            .whereLayer("trainer").mayOnlyBeAccessedByLayers("cli", "views", "engine", "store", "spec", "search")
            .whereLayer("data").mayOnlyBeAccessedByLayers("cli", "views", "engine", "store", "spec", "search", "trainer")
            .whereLayer("values").mayOnlyBeAccessedByLayers("cli", "views", "engine", "store", "spec", "search", "trainer", "data");

    /** The spec describes the search; the engine builds and runs its strategy, so no spec class touches a running one. */
    @ArchTest
    static final ArchRule specBuildsNoStrategy = noClasses().that().resideInAPackage("org.sparksweep.spec..")
            .should().dependOnClassesThat().areAssignableTo(Strategy.class)
            .because("strategies are built by the engine (SweepRunner.newStrategy) from the spec's search settings");

    /** The root package holds the engine's version, which every layer may read; it reads none of them. */
    @ArchTest
    static final ArchRule rootPackageUsesNoLayer = noClasses().that().resideInAPackage("org.sparksweep")
            .should().dependOnClassesThat().resideInAPackage("org.sparksweep.*..");
}
