package io.artstore.query.download;

import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Token provider used when {@code QM_CLIENT_ID}/{@code QM_CLIENT_SECRET} are not set: the service
 * starts (search and metadata need no token towards storage elements), and each download
 * answers 502 {@code SE_UNAVAILABLE} saying why.
 */
final class MissingServiceAccount implements ServiceTokenProvider {

    MissingServiceAccount() {
        LoggerFactory.getLogger(MissingServiceAccount.class).warn(
                "QM_CLIENT_ID / QM_CLIENT_SECRET are not set: downloads are unavailable until query-module "
                        + "has a service account");
    }

    @Override
    public String accessToken() {
        throw new ApiException(ErrorCode.SE_UNAVAILABLE,
                "Downloads are unavailable: query-module has no service account configured");
    }

    /** Matches when client id or secret is blank. */
    static final class NotConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return !StringUtils.hasText(environment.getProperty("artstore.clients.client-id"))
                    || !StringUtils.hasText(environment.getProperty("artstore.clients.client-secret"));
        }
    }
}
