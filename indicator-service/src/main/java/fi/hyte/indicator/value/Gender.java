package fi.hyte.indicator.value;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The genders Sotkanet gives values for; on the wire and in keys as {@code male}, {@code female}, {@code total}. */
public enum Gender {
    MALE,
    FEMALE,
    TOTAL;

    private final String code = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String code() {
        return code;
    }

    /** The gender with this wire code, exactly as written ({@code total}, not {@code Total}). */
    public static Optional<Gender> of(String code) {
        for (Gender gender : values()) {
            if (gender.code.equals(code)) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }
}
