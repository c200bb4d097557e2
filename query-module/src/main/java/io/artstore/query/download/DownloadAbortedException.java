package io.artstore.query.download;

/**
 * The storage element failed after part of the file was already sent to the client. The
 * status and headers are out, so no error answer is possible: this exception is let out of
 * Spring MVC on purpose, so that the servlet container closes the connection at once and the
 * client sees a broken transfer (fewer bytes than {@code Content-Length}) instead of waiting.
 */
class DownloadAbortedException extends RuntimeException {

    DownloadAbortedException(String message) {
        super(message, null, false, false);
    }
}
