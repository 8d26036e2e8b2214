package fi.hyte.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Read models are fed by events only; reports read them and never write. */
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
    static final ArchRule onlyTheWebEdgeUsesWebTypes = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.report..web..");
}
