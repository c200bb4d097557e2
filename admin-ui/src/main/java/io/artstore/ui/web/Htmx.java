package io.artstore.ui.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * How a page answers: a whole page for plain requests, only the swapped part for HTMX.
 * Each page template has a {@code content} fragment ({@code <main id="content">}) and may
 * have a {@code table} fragment ({@code id="table"}); an HTMX request gets the fragment
 * named like its target element. Modal dialogs are a {@code modal} fragment, shown inside
 * {@code #modal} for HTMX or on a page of their own for plain links.
 */
public final class Htmx {

    public static final String FLASH = "flash";
    private static final Set<String> FRAGMENTS = Set.of("content", "table");

    private Htmx() {
    }

    /** An HTMX request that swaps part of a page (a history restore after "back" needs the whole page). */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** The view for a page: whole, or the fragment its HTMX target names. */
    public static String page(HttpServletRequest request, String template) {
        if (!isHtmx(request)) {
            return template;
        }
        String target = request.getHeader("HX-Target");
        return template + " :: " + (target != null && FRAGMENTS.contains(target) ? target : "content");
    }

    /** The view for a modal dialog defined as fragment {@code modal} of {@code template}. */
    public static String modal(HttpServletRequest request, Model model, String template) {
        if (isHtmx(request)) {
            return template + " :: modal";
        }
        model.addAttribute("modalView", template);
        return "fragments/modal-page";
    }

    /**
     * After a successful change: show {@code flash} on {@code path}. Plain requests are
     * redirected there (POST-redirect-GET); HTMX requests get an {@code HX-Location} that
     * loads the page's content without a full reload (which also closes any modal).
     */
    public static String done(HttpServletRequest request, HttpServletResponse response, String path, Flash flash) {
        FlashMap output = RequestContextUtils.getOutputFlashMap(request);
        output.put(FLASH, flash);
        if (!isHtmx(request)) {
            return "redirect:" + path;
        }
        output.setTargetRequestPath(path);
        var manager = RequestContextUtils.getFlashMapManager(request);
        if (manager != null) {
            manager.saveOutputFlashMap(output, request, response);
        }
        response.setHeader("HX-Location", "{\"path\":\"" + jsonEscape(path)
                + "\",\"target\":\"#content\",\"swap\":\"outerHTML\"}");
        return "fragments/empty";
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
