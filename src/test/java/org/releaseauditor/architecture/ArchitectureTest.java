package org.releaseauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The dependency rules of STYLE.md §2.2, enforced on every build. */
@AnalyzeClasses(packages = "org.releaseauditor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoUiOrInfrastructure = noClasses()
            .that().resideInAPackage("org.releaseauditor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                    "org.jfree..", "java.awt..", "javax.swing..", "java.sql..", "picocli..",
                    "com.fasterxml..", "org.ojalgo..", "java.net..")
            .because("core must run unchanged in the headless CLI and in plain JUnit tests");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherLayer = noClasses()
            .that().resideInAPackage("org.releaseauditor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.releaseauditor.io..",
                    "org.releaseauditor.audit..", "org.releaseauditor.report..", "org.releaseauditor.service..",
                    "org.releaseauditor.cli..", "org.releaseauditor.ui..");

    @ArchTest
    static final ArchRule onlyUiTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.releaseauditor.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Core").definedBy("org.releaseauditor.core..")
            .layer("Adapters").definedBy("org.releaseauditor.io..", "org.releaseauditor.audit..",
                    "org.releaseauditor.report..")
            .layer("Service").definedBy("org.releaseauditor.service..")
            .layer("Cli").definedBy("org.releaseauditor.cli..")
            .layer("Ui").definedBy("org.releaseauditor.ui..")
            .whereLayer("Ui").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Service");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.releaseauditor.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreamsOutsideCli = noClasses()
            .that().resideOutsideOfPackages("org.releaseauditor.cli..")
            .and().doNotHaveFullyQualifiedName("org.releaseauditor.Launcher")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule threadsOnlyInUiFxAndCli = noClasses()
            .that().resideOutsideOfPackages("org.releaseauditor.ui.fx..", "org.releaseauditor.cli..")
            .should().callConstructor(Thread.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().callConstructor(Thread.class, String.class)
            .because("threads belong to ui.fx (one executor) and the CLI (shutdown hook)");

    @ArchTest
    static final ArchRule runLaterOnlyInUiFx = noClasses()
            .that().resideOutsideOfPackage("org.releaseauditor.ui.fx..")
            .should().callMethod("javafx.application.Platform", "runLater", "java.lang.Runnable")
            .because("Platform.runLater is banned outside ui.fx (STYLE.md §2.7 rule 7)");

    @ArchTest
    static final ArchRule noExecutorsOutsideUiFx = noClasses()
            .that().resideOutsideOfPackages("org.releaseauditor.ui.fx..", "org.releaseauditor.cli..")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("java.util.concurrent.Executors",
                                    o -> o.getName().equals("java.util.concurrent.Executors")))))
            .because("the GUI owns one compute executor (ui.fx.ComputeExecutor)");

    @ArchTest
    static final ArchRule noNetworkSockets = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
            .because("the app works offline: nothing leaves the machine");

    @ArchTest
    static final ArchRule noJavaSerialization = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
            .because("no Java serialization anywhere (STYLE.md §2.4)");

    // ---- lanes (STYLE.md 2.9, issue 11): see LaneRules

    @ArchTest
    static final ArchRule onlyServiceBuildsLaneParameters = LaneRules.onlyServiceBuildsLaneParameters;

    @ArchTest
    static final ArchRule frontEndsReadNoDefaultConstants = LaneRules.frontEndsReadNoDefaultConstants;

    @ArchTest
    static final ArchRule frontEndsDeclareNoDefaults = LaneRules.frontEndsDeclareNoDefaults;

    @ArchTest
    static final ArchRule cliParsesNoOptionText = LaneRules.cliParsesNoOptionText;

    @ArchTest
    static final ArchRule onlyOptionClassesUseBuilders = LaneRules.onlyOptionClassesUseBuilders;

    @ArchTest
    static final ArchRule frontEndsUseOnlyLanes = LaneRules.frontEndsUseOnlyLanes;
}
