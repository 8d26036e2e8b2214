package fi.hyte.report.report.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.web.Problem;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FormatTest {

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(Format.negotiate("PDF", "text/html")).isEqualTo(Format.PDF);
        assertThat(Format.negotiate("xlsx", null)).isEqualTo(Format.XLSX);
    }

    @Test
    void acceptIsReadByQualityThenSpecificity() {
        assertThat(Format.negotiate(null, null)).isEqualTo(Format.JSON);
        assertThat(Format.negotiate(null, "*/*")).isEqualTo(Format.JSON);
        assertThat(Format.negotiate(null, "text/csv;q=0.4, text/html")).isEqualTo(Format.HTML);
        assertThat(Format.negotiate(null, "text/*;q=0.9, application/pdf;q=0.8"))
                .isEqualTo(Format.HTML);
        assertThat(Format.negotiate(null, "image/png, text/csv;q=0.1")).isEqualTo(Format.CSV);
        assertThat(Format.negotiate(null, "application/json;q=0, text/csv")).isEqualTo(Format.CSV);
    }

    @Test
    void anythingElseIsNotAcceptableNamingTheField() {
        assertThatThrownBy(() -> Format.negotiate("docx", null)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
            assertThat(p.field()).isEqualTo("format");
        });
        assertThatThrownBy(() -> Format.negotiate(null, "image/png"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.field()).isEqualTo("Accept"));
        assertThatThrownBy(() -> Format.negotiate(null, "not a type"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_ACCEPTABLE));
    }

    @Test
    void theLanguageIsFinnishSwedishOrEnglishAndFinnishByDefault() {
        assertThat(Language.of(null)).isEqualTo(Locale.of("fi"));
        assertThat(Language.of("sv-FI,sv;q=0.9,en;q=0.5")).isEqualTo(Locale.of("sv"));
        assertThat(Language.of("en-US")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.of("de-DE")).isEqualTo(Locale.of("fi"));
        assertThat(Language.of("de;q=1, en;q=0.2")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.of(";;;")).isEqualTo(Locale.of("fi"));
    }

    @Test
    void csvTextThatASpreadsheetWouldTakeForAFormulaIsDefused() {
        assertThat(CsvExport.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvExport.text("-1")).isEqualTo("'-1");
        assertThat(CsvExport.text("Yksinäisyys vähenee")).isEqualTo("Yksinäisyys vähenee");
        assertThat(CsvExport.text(null)).isEmpty();
    }
}
