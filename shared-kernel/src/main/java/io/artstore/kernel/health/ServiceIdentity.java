package io.artstore.kernel.health;

/** Name and version a service reports in its health answers and logs. */
public record ServiceIdentity(String name, String version) {
}
