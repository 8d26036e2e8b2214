package fi.hyte.plan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain knows nothing of the web edge that maps requests onto it; the catalogue copy nothing of plans. */
@AnalyzeClasses(packages = "fi.hyte.plan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheWebEdgeUsesWebTypes = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.plan..web..");

    @ArchTest
    static final ArchRule theCatalogueKnowsNothingOfPlans = noClasses()
            .that()
            .resideInAPackage("fi.hyte.plan.catalogue..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.plan.plan..");
}
