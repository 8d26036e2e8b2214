package fi.hyte.indicator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the features' boundaries honest: catalogues are leaves, values know nothing of feeds, web is an edge. */
@AnalyzeClasses(packages = "fi.hyte.indicator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule cataloguesDependOnNoOtherFeature = noClasses()
            .that()
            .resideInAnyPackage("..indicator.region..", "..indicator.indicator..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..indicator.feed..", "..indicator.value..");

    @ArchTest
    static final ArchRule regionsAndIndicatorsAreIndependent = noClasses()
            .that()
            .resideInAPackage("..indicator.region..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.indicator.indicator..");

    @ArchTest
    static final ArchRule valuesKnowNothingOfFeeds = noClasses()
            .that()
            .resideInAPackage("..indicator.value..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..indicator.feed..");

    @ArchTest
    static final ArchRule theMeasuredIndicatorsDependOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("..indicator.measured..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..indicator.feed..", "..indicator.value..", "..indicator.sotkanet..", "..indicator.catalogue..");

    @ArchTest
    static final ArchRule theConnectorSubmitsThroughTheFeedPathNotIntoValues = noClasses()
            .that()
            .resideInAPackage("..indicator.sotkanet..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..indicator.value..");

    @ArchTest
    static final ArchRule onlyTheWebEdgeUsesWebTypes = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fi.hyte.indicator..web..");
}
