package fi.hyte.support.web;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/** The web conventions every service shares. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ProblemHandler.class)
public class WebConfiguration {

    /**
     * Bodies of at most {@code hyte.web.max-body-size} (1MB), except on the paths listed in
     * {@code hyte.web.max-body-size-by-path} (a map of exact request path to size).
     */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${hyte.web.max-body-size:1MB}") DataSize maxBodySize, Environment environment) {
        Map<String, Long> byPath = new HashMap<>();
        Binder.get(environment)
                .bind("hyte.web.max-body-size-by-path", Bindable.mapOf(String.class, DataSize.class))
                .ifBound(sizes -> sizes.forEach((path, size) -> byPath.put(path, size.toBytes())));
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes(), byPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // before security, so that even a refused request is logged with its correlation id
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
