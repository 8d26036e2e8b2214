package fi.hyte.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The live stream, the at-risk watch and the dashboard stand on their own: they learn from the topics with
 * consumer groups of their own and share no types with the read models or the report, so either side can
 * change without the other.
 */
@AnalyzeClasses(packages = "fi.hyte.report", importOptions = ImportOption.DoNotIncludeTests.class)
class LiveArchitectureTest {

    @ArchTest
    static final ArchRule liveRiskAndDashboardUseNoReadModelOrReportTypes = noClasses()
            .that()
            .resideInAnyPackage("..report.live..", "..report.risk..", "..report.dashboard..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("fi.hyte.report.projection..", "fi.hyte.report.report..");

    @ArchTest
    static final ArchRule readModelsAndReportKnowNothingOfThem = noClasses()
            .that()
            .resideInAnyPackage("fi.hyte.report.projection..", "fi.hyte.report.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..report.live..", "..report.risk..", "..report.dashboard..");
}
