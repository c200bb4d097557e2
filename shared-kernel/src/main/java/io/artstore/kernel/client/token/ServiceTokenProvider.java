package io.artstore.kernel.client.token;

/** The bearer token a service uses for its own calls to other services. */
@FunctionalInterface
public interface ServiceTokenProvider {

    /** A valid access token, cached until shortly before it expires. */
    String accessToken();
}
