package fi.hyte.indicator.region;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.Localized;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The region catalogue as read from the real Sotkanet files. */
class SotkanetRegionsTest {

    static final Regions regions =
            SotkanetRegions.fromClasspath(JsonMapper.builder().build());

    @Test
    void holdsEverySotkanetRegionAndEveryWellbeingServicesCounty() {
        assertThat(regions.all()).hasSize(511 + 23);
        assertThat(regions.inCategory(RegionCategory.MUNICIPALITY)).hasSize(320);
        assertThat(regions.inCategory("wellbeing_county")).hasSize(23);
        assertThat(regions.inCategory(RegionCategory.HOSPITAL_DISTRICT)).hasSize(21);
    }

    @Test
    void municipalitiesKeepTheirOfficialThreeDigitCodes() {
        Region vantaa = regions.find("092").orElseThrow();
        assertThat(vantaa.sotkanetId()).isEqualTo(413);
        assertThat(vantaa.category()).isEqualTo(RegionCategory.MUNICIPALITY);
        assertThat(vantaa.name()).isEqualTo(new Localized("Vantaa", "Vanda", "Vantaa"));
        assertThat(vantaa.memberOf()).contains("HVA-4", "MAA-358", "SAIRAANHOITOPIIRI-25", "MAAKUNTA-01");

        Region kerava = regions.find("245").orElseThrow();
        assertThat(kerava.sotkanetId()).isEqualTo(122);
        assertThat(kerava.name().sv()).isEqualTo("Kervo");
        assertThat(kerava.memberOf()).contains("HVA-4");
        assertThat(regions.bySotkanetId(413)).contains(vantaa);
    }

    @Test
    void theVantaaKeravaCountyIsHva4UnderItsCurrentAndItsFormerSotkanetId() {
        Region county = regions.find("HVA-4").orElseThrow();
        assertThat(county.sotkanetId()).isEqualTo(977);
        assertThat(county.category()).isEqualTo(RegionCategory.WELLBEING_COUNTY);
        assertThat(county.name().fi()).isEqualTo("Vantaan ja Keravan hyvinvointialue");
        assertThat(county.name().sv()).isEqualTo("Vanda och Kervo välfärdsområde");
        assertThat(county.memberOf()).containsExactly("MAA-358");
        assertThat(regions.bySotkanetId(977)).contains(county);
        assertThat(regions.bySotkanetId(897)).contains(county);
    }

    @Test
    void countiesHaveTheMunicipalitiesHyteKnowsAsMembers() {
        assertThat(membersOf("HVA-4")).containsExactlyInAnyOrder("092", "245");
        assertThat(membersOf("HVA-2")).containsExactlyInAnyOrder("106", "186", "505", "543", "611", "858");
        assertThat(regions.bySotkanetId(966).orElseThrow().code()).isEqualTo("HVA-2");
        // South Karelia: Imatra, Lappeenranta, Lemi, Luumäki, Parikkala, Rautjärvi, Ruokolahti, Savitaipale,
        // Taipalsaari
        assertThat(membersOf("HVA-11"))
                .containsExactlyInAnyOrder("153", "405", "416", "441", "580", "689", "700", "739", "831");
        assertThat(membersOf("HVA-90")).isEmpty();
    }

    @Test
    void aRegionListsItsMembersByCode() {
        assertThat(regions.members("HVA-4")).extracting(Region::code).containsExactly("092", "245");
        assertThat(regions.members("092")).isEmpty();
        assertThat(regions.members("MAA-358"))
                .extracting(Region::category)
                .containsOnly(RegionCategory.MUNICIPALITY, RegionCategory.WELLBEING_COUNTY);
    }

    @Test
    void theWholeCountryIsQualifiedWithItsSotkanetCategory() {
        Region finland = regions.bySotkanetId(658).orElseThrow();
        assertThat(finland.code()).isEqualTo("MAA-358");
        assertThat(finland.category()).isEqualTo(RegionCategory.COUNTRY);
        assertThat(finland.name().en()).isEqualTo("Whole country");
    }

    @Test
    void codesThatRepeatAcrossCategoriesAreQualified() {
        // Sotkanet code 4 is both the Vantaa-Kerava county and an AVI area
        Region avi = regions.find("ALUEHALLINTOVIRASTO-4").orElseThrow();
        assertThat(avi.sotkanetId()).isEqualTo(836);
        assertThat(avi.category()).isEqualTo("AVI_AREA");
        assertThat(regions.find("ELY-KESKUS-01").orElseThrow().sotkanetId()).isEqualTo(921);
        assertThat(regions.find("4")).isEmpty();
    }

    @Test
    void mapsSotkanetCategoriesAndCodes() {
        assertThat(RegionCategory.code("KUNTA", "092")).isEqualTo("092");
        assertThat(RegionCategory.code("HYVINVOINTIALUE", "4")).isEqualTo("HVA-4");
        assertThat(RegionCategory.code("MAA", "358")).isEqualTo("MAA-358");
        assertThat(RegionCategory.ofSotkanet("SAIRAANHOITOPIIRI")).isEqualTo("HOSPITAL_DISTRICT");
        assertThat(RegionCategory.ofSotkanet("UUSI_ALUEJAKO")).isEqualTo("UUSI_ALUEJAKO");
    }

    private static java.util.List<String> membersOf(String county) {
        return regions.all().stream()
                .filter(region -> region.memberOf().contains(county))
                .map(Region::code)
                .toList();
    }
}
