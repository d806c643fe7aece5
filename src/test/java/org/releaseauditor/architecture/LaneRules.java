package org.releaseauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The lane rules of STYLE.md §2.9 (issue 11): lane options are parsed and defaulted only in the
 * service layer (one request builder per lane), and the front ends reach the analyses only through
 * the lane interface. Each rule failed on the code before the lane interface (checked when the
 * rules were written: the CLI parsed aggregates and trajectory options itself, the view models
 * held defaults and built core configurations, and the dashboards called the analysis services).
 */
final class LaneRules {

    private static final String[] FRONT_ENDS = {"org.releaseauditor.cli..", "org.releaseauditor.ui.."};
    /** Where lane defaults could be read from (the generator's and the importer's defaults are not lane options). */
    private static final java.util.List<String> LANE_PACKAGES = java.util.List.of("org.releaseauditor.core.risk",
            "org.releaseauditor.core.trajectory", "org.releaseauditor.core.aggregate", "org.releaseauditor.core.evaluation",
            "org.releaseauditor.service");

    /** Core types that make up a lane's parameters: only a request builder creates them. */
    static final Set<String> LANE_PARAMETER_TYPES = Set.of(
            "org.releaseauditor.core.risk.MicrodataConfig",
            "org.releaseauditor.core.risk.SensitiveAttribute",
            "org.releaseauditor.core.risk.Regions",
            "org.releaseauditor.core.aggregate.TableSpec",
            "org.releaseauditor.core.aggregate.ThresholdRule",
            "org.releaseauditor.core.aggregate.ProtectionRequirement",
            "org.releaseauditor.core.aggregate.PrimaryRuleConfig",
            "org.releaseauditor.core.aggregate.DominanceRule",
            "org.releaseauditor.core.aggregate.PqRule",
            "org.releaseauditor.core.aggregate.AggregateConfig",
            "org.releaseauditor.core.trajectory.EventColumns",
            "org.releaseauditor.core.trajectory.AttackSpec",
            "org.releaseauditor.core.trajectory.AttackOptions",
            "org.releaseauditor.core.trajectory.HomeWork",
            "org.releaseauditor.core.trajectory.UnicityOptions",
            "org.releaseauditor.core.trajectory.SpatialResolution",
            "org.releaseauditor.core.trajectory.TemporalResolution",
            "org.releaseauditor.core.evaluation.EvaluationConfig",
            "org.releaseauditor.core.evaluation.EvaluationConfig$SinglingOutOptions",
            "org.releaseauditor.core.evaluation.EvaluationConfig$LinkabilityOptions",
            "org.releaseauditor.core.evaluation.EvaluationConfig$InferenceOptions");

    /**
     * Core analyses, the remediation engines and the service classes behind the lanes: front ends
     * reach them only through a lane or the remediation services.
     */
    static final Set<String> ENGINES = Set.of(
            "org.releaseauditor.core.risk.MicrodataAnalyzer",
            "org.releaseauditor.core.risk.QiContributionAnalysis",
            "org.releaseauditor.core.risk.Suda2",
            "org.releaseauditor.core.risk.IndividualRisk",
            "org.releaseauditor.core.risk.PopulationModels",
            "org.releaseauditor.core.risk.Partition",
            "org.releaseauditor.core.trajectory.Unicity",
            "org.releaseauditor.core.trajectory.CoarseningSweep",
            "org.releaseauditor.core.trajectory.BackgroundKnowledgeAttack",
            "org.releaseauditor.core.trajectory.TraceSet",
            "org.releaseauditor.core.trajectory.EventImport",
            "org.releaseauditor.core.trajectory.TopPlaces",
            "org.releaseauditor.core.aggregate.PrimaryRules",
            "org.releaseauditor.core.aggregate.SuppressionAudit",
            "org.releaseauditor.core.aggregate.Differencing",
            "org.releaseauditor.core.aggregate.GroupDisclosure",
            "org.releaseauditor.core.aggregate.TrajectoryRecovery",
            "org.releaseauditor.core.aggregate.ReleaseModel",
            "org.releaseauditor.core.aggregate.CountTableReader",
            "org.releaseauditor.core.aggregate.GroundTruth",
            "org.releaseauditor.core.evaluation.ReleaseEvaluator",
            "org.releaseauditor.core.evaluation.EvaluationData",
            "org.releaseauditor.core.remediation.microdata.MicrodataRemediation",
            "org.releaseauditor.core.remediation.trajectory.TrajectoryRemediation",
            "org.releaseauditor.core.remediation.aggregate.AggregateRemediation",
            "org.releaseauditor.service.microdata.MicrodataAnalysisService",
            "org.releaseauditor.service.trajectories.TrajectoryAnalysisService",
            "org.releaseauditor.service.aggregates.AggregateAnalysisService");

    private LaneRules() {
    }

    private static DescribedPredicate<JavaAccess<?>> targetOwnerIn(Set<String> names, String description) {
        return DescribedPredicate.describe(description, a -> names.contains(a.getTargetOwner().getName()));
    }

    /** (a) Only the service layer creates a lane's parameters (from raw strings or otherwise). */
    static final ArchRule onlyServiceBuildsLaneParameters = noClasses()
            .that().resideInAnyPackage(FRONT_ENDS)
            .should().callConstructorWhere(targetOwnerIn(LANE_PARAMETER_TYPES, "a lane parameter type"))
            .orShould().callMethodWhere(DescribedPredicate.describe("a static factory or parser of a lane parameter type",
                    c -> LANE_PARAMETER_TYPES.contains(c.getTargetOwner().getName())
                            && c.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                                    .orElse(false)
                            || c.getTargetOwner().getName().equals(
                                    "org.releaseauditor.core.aggregate.ThresholdRule$Operator")
                                    && c.getName().equals("parse")))
            .orShould().callConstructorWhere(DescribedPredicate.describe("a lane request's constructor",
                    c -> c.getTargetOwner().isAssignableTo("org.releaseauditor.service.LaneRequest")
                            || c.getTargetOwner().isAssignableTo(
                                    "org.releaseauditor.service.remediation.RemediationRequest")))
            .because("a lane request is built only by its builder in service (STYLE.md 2.9): front ends set "
                    + "what the user gave, the builder holds the defaults and checks the values");

    /** (a) Lane defaults are not read or held by a front end. */
    static final ArchRule frontEndsReadNoDefaultConstants = noClasses()
            .that().resideInAnyPackage(FRONT_ENDS)
            .should().accessFieldWhere(DescribedPredicate.describe("a DEFAULT constant of a lane (core or service)",
                    f -> f.getName().startsWith("DEFAULT") && LANE_PACKAGES.stream()
                            .anyMatch(p -> f.getTargetOwner().getPackageName().startsWith(p))))
            .orShould().callMethodWhere(DescribedPredicate.describe("defaults() of a core lane type",
                    c -> c.getName().equals("defaults") && LANE_PACKAGES.stream().filter(p -> p.contains(".core."))
                            .anyMatch(p -> c.getTargetOwner().getPackageName().startsWith(p))))
            .because("every lane default is defined once, in the lane's request builder; a front end starts "
                    + "from the request's defaults()");

    /** (a) No front end declares its own DEFAULT constants. */
    static final ArchRule frontEndsDeclareNoDefaults = fields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(FRONT_ENDS)
            .and().areStatic()
            .should().haveNameNotMatching("DEFAULT.*")
            .allowEmptyShould(true)
            .because("defaults of a lane live in its request builder (a DEFAULT constant in cli or ui is a second "
                    + "definition that can drift)");

    /** (a) The command line parses no option text itself: option classes hand values to the builders. */
    static final ArchRule cliParsesNoOptionText = noClasses()
            .that().resideInAPackage("org.releaseauditor.cli..")
            .should().callMethod(String.class, "split", String.class)
            .orShould().callMethod(String.class, "split", String.class, int.class)
            .orShould().callMethod(Integer.class, "parseInt", String.class)
            .orShould().callMethod(Long.class, "parseLong", String.class)
            .orShould().callMethod(Double.class, "parseDouble", String.class)
            .orShould().callMethod(Double.class, "valueOf", String.class)
            .because("lane options are parsed by the request builders in service, so analyze and case run "
                    + "cannot read them differently");

    /** (a) In the command line only the option classes use the request builders. */
    static final ArchRule onlyOptionClassesUseBuilders = noClasses()
            .that().resideInAPackage("org.releaseauditor.cli..")
            .and().haveSimpleNameNotEndingWith("Options")
            .and().haveSimpleNameNotEndingWith("OptionsMixin")
            .should().dependOnClassesThat(DescribedPredicate.describe("a lane request builder",
                    (JavaClass c) -> c.getName().matches("org\\.releaseauditor\\.service\\..*(Request|ImportSettings)\\$(Table)?Builder")
                            && c.getEnclosingClass().map(e -> e.isAssignableTo(org.releaseauditor.service.LaneRequest.class)
                                    || e.getSimpleName().equals("ImportSettings")).orElse(false)))
            .because("picocli options map one-to-one onto builder setters, in one options class per lane shared by "
                    + "analyze and case run");

    /** (b) Front ends never call the analyses directly: only through the lane interface. */
    static final ArchRule frontEndsUseOnlyLanes = noClasses()
            .that().resideInAnyPackage(FRONT_ENDS)
            .should().callMethodWhere(targetOwnerIn(ENGINES, "a core analysis or a lane's analysis service"))
            .orShould().callConstructorWhere(targetOwnerIn(ENGINES, "a core analysis or a lane's analysis service"))
            .orShould().dependOnClassesThat(DescribedPredicate.describe("a lane's analysis service",
                    (JavaClass c) -> c.getSimpleName().endsWith("AnalysisService")))
            .because("every front end calls service.Lane.analyze (request + inputs -> result bound to the bytes "
                    + "read), so what a case records is what was analysed");
}
