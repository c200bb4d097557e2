package io.artstore.ui.stub;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * The UI's live HTTP sessions (a listener bean Spring Boot registers with the servlet
 * container), so a test can end them on the server as a timeout would.
 */
final class ServerSessions implements HttpSessionListener {

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }

    /** Invalidates every session, as the idle timeout would. */
    void invalidateAll() {
        for (HttpSession session : Set.copyOf(sessions)) {
            try {
                session.invalidate();
            } catch (IllegalStateException ex) {
                // already ended meanwhile
            }
        }
    }
}
