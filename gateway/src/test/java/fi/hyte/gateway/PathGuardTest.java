package fi.hyte.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class PathGuardTest {

    private final PathGuard guard = new PathGuard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/plans/%00",
                "/api/plans/abc%00def",
                "/api/plans/%25%30%30",
                "/api/plans/..%2F..%2Factuator%2Fenv",
                "/api/plans/%2e%2e%2f%2e%2e%2factuator",
                "/api/plans/..;",
                "/api/plans/x;jsessionid=1",
                "/api/plans/%C0%AE%C0%AE",
                "/api/plans/%FF%FE",
                "/api/plans/%5Cetc",
                "/api/plans/%2E%2E/x",
                "/api/plans/%E2%82",
                "/api/plans/x/goals?ageGroup=%00",
                "/api/actions?overdue=%0A&region=HVA-4"
            })
    void refusesPathsNoResourceHasWithProblemJson(String path) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)));

        guard.filter(exchange, e -> Mono.error(new AssertionError("passed " + path)))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/plans/4b78b981-9922-408c-98a3-3cdf6771a1ee/goals",
                "/api/reports/HVA-4/2026",
                "/api/regions/092",
                "/api/plans/%20",
                "/api/plans/%C3%A4",
                "/api/plans/%24where",
                "/api/plans/x.y",
                "/dashboard",
                "/api/indicators?q=lapset%20ja%20nuoret&page=0",
                "/api/actions?region=HVA-4&goal=%7B%22%24gt%22%3A%22%22%7D"
            })
    void letsOrdinaryPathsThrough(String path) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)));
        boolean[] passed = {false};

        guard.filter(exchange, e -> {
                    passed[0] = true;
                    return Mono.empty();
                })
                .block();

        assertThat(passed[0]).as(path).isTrue();
    }
}
