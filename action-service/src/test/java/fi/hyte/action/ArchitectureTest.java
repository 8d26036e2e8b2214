package fi.hyte.action;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The goal copy and the organisations catalogue are leaves; the domain knows nothing of the web edge. */
@AnalyzeClasses(packages = "fi.hyte.action", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule goalsAndOrganisationsDependOnNoActions = noClasses()
            .that()
            .resideInAnyPackage("..action.goal..", "..action.organisation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.action.action..");

    @ArchTest
    static final ArchRule onlyTheWebEdgeUsesWebTypes = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.action..web..");
}
