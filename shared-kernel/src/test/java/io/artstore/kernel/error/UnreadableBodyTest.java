package io.artstore.kernel.error;

import io.artstore.kernel.contract.FileStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A request body the JSON binding refuses is a 400 naming the field, also when a contract enum refuses the value. */
class UnreadableBodyTest {

    record Filter(FileStatus status) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aValueAContractEnumRefusesNamesTheField() throws Exception {
        JacksonException refused = catchThrowableOfType(JacksonException.class,
                () -> json.readValue("{\"status\":\"bogus\"}", Filter.class));
        ResponseEntity<Object> answer = new ApiExceptionHandler().handleException(
                new HttpMessageNotReadableException("JSON parse error", refused, new MockHttpInputMessage(new byte[0])),
                new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ApiError body = (ApiError) answer.getBody();
        assertThat(body.error().code()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.error().message()).isEqualTo("status: must be one of 'active', 'expired', 'deleted'");
    }
}
