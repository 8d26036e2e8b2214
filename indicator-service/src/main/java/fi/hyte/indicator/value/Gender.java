package fi.hyte.indicator.value;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The genders Sotkanet gives values for; on the wire and in keys as {@code male}, {@code female}, {@code total}. */
public enum Gender {
    MALE,
    FEMALE,
    TOTAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The gender with this wire code, exactly as written ({@code total}, not {@code Total}). */
    public static Optional<Gender> of(String code) {
        return Arrays.stream(values()).filter(g -> g.code().equals(code)).findFirst();
    }
}
