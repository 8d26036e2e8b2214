package fi.hyte.indicator.indicator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IndicatorConfiguration {

    @Bean
    Indicators indicators(JsonMapper json) {
        return SotkanetIndicators.fromClasspath(json);
    }
}
