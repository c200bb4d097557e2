package io.artstore.kernel.error;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page in the common error format. Requests Tomcat rejects itself —
 * a header block over the size limit, a malformed request line — never reach Spring, and the
 * stock valve would answer them with an HTML page naming the server.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String message = status == 400 ? "The request could not be read (malformed, or its headers are too large)"
                : "The request was rejected (HTTP " + status + ")";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":{\"code\":\"" + code.name() + "\",\"message\":\"" + message + "\"}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ex) {
            // the connection is gone or the response already started: nothing more to say
        }
    }

    /** Puts this valve in place of any other error report valve of the host of {@code context}. */
    public static void install(Container context) {
        if (!(context.getParent() instanceof Host host)) {
            return;
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replace(host);
            }
        });
        replace(host);
    }

    private static synchronized void replace(Host host) {
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof JsonErrorReportValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            JsonErrorReportValve valve = new JsonErrorReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            host.getPipeline().addValve(valve);
        }
    }
}
