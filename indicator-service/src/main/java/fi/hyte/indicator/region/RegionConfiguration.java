package fi.hyte.indicator.region;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

    @Bean
    Regions regions(JsonMapper json) {
        return SotkanetRegions.fromClasspath(json);
    }
}
