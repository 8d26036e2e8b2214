package fi.hyte.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Read models are fed by events only; reports read them and never write; publications and narratives (the
 * service's own state) are not part of the read models.
 */
@AnalyzeClasses(packages = "fi.hyte.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule projectionsKnowNothingOfReports = noClasses()
            .that()
            .resideInAPackage("..report.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.report.report..");

    @ArchTest
    static final ArchRule readModelsKnowNothingOfReportServicesOwnState = noClasses()
            .that()
            .resideInAPackage("..report.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("fi.hyte.report.publication..", "fi.hyte.report.narrative..");

    @ArchTest
    static final ArchRule onlyTheWebEdgeUsesWebTypes = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.report..web..");
}
