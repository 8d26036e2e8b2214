package fi.hyte.support.web;

import fi.hyte.support.event.EventContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request a correlation id (the caller's {@code X-Correlation-Id} if it is sane, else a new one),
 * puts it in the log context and the response, and so into every event the request causes.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        try (var ignored = MDC.putCloseable(EventContext.CORRELATION_ID, id)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(EventContext.ACTOR);
        }
    }
}
