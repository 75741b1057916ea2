package io.crimecast.structure;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Arrows between packages run one way: cli on top, the domain packages below, config and the leaves at the bottom. */
@AnalyzeClasses(packages = "io.crimecast", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.crimecast.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheCommandLine = noClasses().that().resideOutsideOfPackage("io.crimecast.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.crimecast.cli..");

    @ArchTest
    static final ArchRule theLeavesDependOnNoOtherCrimeCastPackage = noClasses()
            .that().resideInAnyPackage("io.crimecast.config..", "io.crimecast.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.crimecast.cli..", "io.crimecast.app..", "io.crimecast.stream..",
                    "io.crimecast.train..", "io.crimecast.eval..", "io.crimecast.replay..", "io.crimecast.ops..", "io.crimecast.model..",
                    "io.crimecast.forecast..", "io.crimecast.topics..", "io.crimecast.incident..", "io.crimecast.grid..");
}
