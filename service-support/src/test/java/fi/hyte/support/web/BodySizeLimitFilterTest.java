package fi.hyte.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitFilterTest {

    final BodySizeLimitFilter filter = new BodySizeLimitFilter(1024, Map.of("/api/bulk", 64L * 1024 * 1024));

    @Test
    void aPathWithItsOwnLimitTakesLargerBodiesWhileOthersKeepTheDefault() throws Exception {
        assertThat(status("/api/bulk", 10 * 1024 * 1024)).isEqualTo(200);
        assertThat(status("/api/bulk", 65 * 1024 * 1024)).isEqualTo(413);
        assertThat(status("/api/other", 2048)).isEqualTo(413);
        assertThat(status("/api/other", 1000)).isEqualTo(200);
        assertThat(status("/api/bulk/nested", 2048)).as("exact paths only").isEqualTo(413);
    }

    private int status(String path, int bytes) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[bytes]);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
