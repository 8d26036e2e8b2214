package fi.hyte.report.live;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The live stream's settings, and where its token may come from. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

    /**
     * A browser's EventSource cannot send an Authorization header, and a link to the dashboard cannot carry
     * one: on {@code GET /api/events} and {@code GET /dashboard} (only) the token may come as the
     * {@code access_token} query parameter. Everywhere else only the header counts, so tokens do not end up
     * in the access logs of ordinary API calls. Spring Security's resource server picks this bean up.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        var headerOnly = new DefaultBearerTokenResolver();
        var queryAllowed = new DefaultBearerTokenResolver();
        queryAllowed.setAllowUriQueryParameter(true);
        return request -> acceptsQueryToken(request) ? queryAllowed.resolve(request) : headerOnly.resolve(request);
    }

    static boolean acceptsQueryToken(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/events") || path.equals("/dashboard");
    }
}
