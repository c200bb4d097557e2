package io.artstore.kernel.client.token;

import java.time.Clock;
import java.time.Duration;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Service token from admin-module's standard {@code /oauth2/token} endpoint (client
 * credentials, {@code client_secret_basic}) through Spring Security's OAuth2 client: the
 * token is cached and renewed a configurable time before it expires.
 */
public class ClientCredentialsTokenProvider implements ServiceTokenProvider {

    private static final String REGISTRATION = "artstore";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final String clientId;

    public ClientCredentialsTokenProvider(String adminUrl, String clientId, String clientSecret, Duration timeout,
                                          Duration renewBefore, Clock clock) {
        this.clientId = clientId;
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .tokenUri(stripSlash(adminUrl) + "/oauth2/token")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);

        HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, timeout, timeout, null);
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .messageConverters(java.util.List.of(new FormHttpMessageConverter(),
                        new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());

        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenClient);
        provider.setClockSkew(renewBefore);
        provider.setClock(clock);

        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        this.manager.setAuthorizedClientProvider(provider);
    }

    @Override
    public String accessToken() {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(clientId).build());
        } catch (RuntimeException ex) {
            throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE,
                    "Cannot obtain a service token from admin-module", ex);
        }
        if (client == null) {
            throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE, "admin-module issued no service token");
        }
        return client.getAccessToken().getTokenValue();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
