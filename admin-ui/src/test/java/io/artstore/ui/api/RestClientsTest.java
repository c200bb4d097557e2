package io.artstore.ui.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How admin-ui names the error answers of admin-module and query-module. */
class RestClientsTest {

    private final RestClients clients = new RestClients(null, null);

    private AdminApiException error(int status, String body) {
        return clients.error(status, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCommonFormatKeepsItsCodeAndMessage() {
        AdminApiException ex = error(502, "{\"error\":{\"code\":\"SE_UNAVAILABLE\",\"message\":\"se-1 down\"}}");
        assertThat(ex.code()).isEqualTo("SE_UNAVAILABLE");
        assertThat(ex.getMessage()).contains("se-1 down");
    }

    @Test
    void aGatewaysErrorPageIsTheServiceBeingUnavailableNotAStorageElement() {
        AdminApiException ex = error(502, "<html><body>Bad Gateway</body></html>");
        assertThat(ex.code()).isEqualTo(AdminApiException.UNAVAILABLE);
        assertThat(ex.status()).isEqualTo(502);
    }

    @Test
    void aClientErrorWithoutOurFormatKeepsTheStatusCode() {
        assertThat(error(404, "not here").code()).isEqualTo("NOT_FOUND");
    }
}
