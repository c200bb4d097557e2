package io.artstore.kernel.error;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyInTheCommonFormatGivesItsCodeAndMessage() {
        ApiError error = ApiErrors.read(409, bytes("{\"error\":{\"code\":\"INVALID_TRANSITION\",\"message\":\"rw -> ar\"}}"));
        assertThat(error.error().code()).isEqualTo("INVALID_TRANSITION");
        assertThat(error.error().message()).isEqualTo("rw -> ar");
    }

    @Test
    void aCodeThisVersionDoesNotKnowIsKeptAsSentAndMapsToTheStatusCode() {
        ApiError error = ApiErrors.read(409, bytes("{\"error\":{\"code\":\"SOMETHING_NEW\",\"message\":\"m\"}}"));
        assertThat(error.error().code()).isEqualTo("SOMETHING_NEW");
        assertThat(ApiErrors.code(error.error(), 409)).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aBodyOfAnotherShapeGivesTheStatusCode() {
        for (String body : new String[] {"{\"error\":\"boom\"}", "{\"message\":\"x\"}", "[1,2]", "\"text\"",
                "{\"error\":{\"code\":42}}", "{\"error\":{\"code\":\"  \"}}"}) {
            ApiError error = ApiErrors.read(404, bytes(body));
            assertThat(error.error().code()).as(body).isEqualTo("NOT_FOUND");
            assertThat(error.error().message()).as(body).isNull();
        }
        ApiError onlyMessage = ApiErrors.read(400, bytes("{\"error\":{\"message\":\"limit too big\"}}"));
        assertThat(onlyMessage.error().code()).isEqualTo("VALIDATION_ERROR");
        assertThat(onlyMessage.error().message()).isEqualTo("limit too big");
    }

    @Test
    void anEmptyBodyGivesTheStatusCode() {
        assertThat(ApiErrors.read(403, new byte[0]).error().code()).isEqualTo("FORBIDDEN");
        assertThat(ApiErrors.read(403, (byte[]) null).error().code()).isEqualTo("FORBIDDEN");
        assertThat(ApiErrors.read(503, new ByteArrayInputStream(new byte[0])).error().code())
                .isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void theHtmlPageOfAProxyGivesTheStatusCode() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center><hr><center>nginx</center></body></html>";
        ApiError error = ApiErrors.read(502, new ByteArrayInputStream(bytes(html)));
        assertThat(error.error().code()).isEqualTo(ErrorCode.forStatus(502).name());
        assertThat(error.error().message()).isNull();
        assertThat(ApiErrors.read(413, bytes(html)).error().code()).isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void aHugeBodyIsReadOnlyInPart() {
        byte[] huge = new byte[ApiErrors.MAX_BODY * 4];
        java.util.Arrays.fill(huge, (byte) ' ');
        ApiError error = ApiErrors.read(500, new ByteArrayInputStream(huge));
        assertThat(error.error().code()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void anExceptionKeepsTheStatusMapsTheCodeAndNamesTheSource() {
        ApiException ex = ApiErrors.exception("admin-module", 423,
                bytes("{\"error\":{\"code\":\"ACCOUNT_LOCKED\",\"message\":\"locked\"}}"), null);
        assertThat(ex.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(ex.status()).isEqualTo(HttpStatus.LOCKED);
        assertThat(ex.getMessage()).isEqualTo("admin-module: locked");

        ApiException proxy = ApiErrors.exception("admin-module", 404, bytes("<html>Not Found</html>"), null);
        assertThat(proxy.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(proxy.getMessage()).isEqualTo("admin-module: HTTP 404");
    }
}
