package fi.hyte.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400 problem+json, a path no Hyte resource can have: an encoded control character ({@code %00}),
 * an encoded separator or percent ({@code %2F}, {@code %5C}, {@code %25}), a {@code ;}, a {@code .} or {@code ..}
 * segment (also encoded), a backslash, or percent-encoding that is not UTF-8 ({@code %C0%AE}, {@code %FF}). Without
 * it, Spring Security's firewall refused most of these with an empty 400 and the rest reached a service's Tomcat,
 * which answered with an HTML page (found by the hostile-input suite). Ids are UUIDs and codes are
 * {@code [A-Za-z0-9_-]}, so nothing legitimate is refused. An encoded control character in the query is refused
 * the same way. Runs first, before authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PathGuard implements WebFilter {

    private static final Pattern FORBIDDEN =
            Pattern.compile("(?i)%(?:[01][0-9a-f]|7f|2f|5c|25|3b)|;|\\\\|(?:^|/)(?:\\.|%2e){1,2}(?:/|$)");

    /**
     * A control character in the query: Spring trims parameter values before converting them, so {@code ageGroup=%00}
     * and {@code overdue=%00} read as absent and the filter was silently dropped (found by the hostile-input suite).
     */
    private static final Pattern CONTROL = Pattern.compile("(?i)%(?:[01][0-9a-f]|7f)");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        if (query != null && CONTROL.matcher(query).find()) {
            return EdgeSecurity.problem(
                    exchange.getResponse(),
                    HttpStatus.BAD_REQUEST,
                    "Invalid query",
                    "A query parameter holds a control character (%00-%1F, %7F), which no Hyte parameter has.");
        }
        if (raw != null && (FORBIDDEN.matcher(raw).find() || !decodesAsUtf8(raw))) {
            return EdgeSecurity.problem(
                    exchange.getResponse(),
                    HttpStatus.BAD_REQUEST,
                    "Invalid path",
                    "The path holds characters no Hyte path has (an encoded control character, separator or"
                            + " percent sign, a dot segment, a semicolon, or bytes that are not UTF-8).");
        }
        return chain.filter(exchange);
    }

    /** Whether the path's percent-encoded bytes are well-formed UTF-8 (a malformed escape is not). */
    static boolean decodesAsUtf8(String raw) {
        if (raw.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
