package io.artstore.ui.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole pages for plain requests, fragments for HTMX, and how a change answers. */
class HtmxTest {

    @Test
    void plainRequestsGetTheWholePageAndHtmxTheTargetedFragment() {
        MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/files");
        assertThat(Htmx.page(plain, "files/index")).isEqualTo("files/index");

        MockHttpServletRequest table = htmx("GET", "/files");
        table.addHeader("HX-Target", "table");
        assertThat(Htmx.page(table, "files/index")).isEqualTo("files/index :: table");

        MockHttpServletRequest other = htmx("GET", "/files");
        other.addHeader("HX-Target", "something-else");
        assertThat(Htmx.page(other, "files/index")).isEqualTo("files/index :: content");

        MockHttpServletRequest restore = htmx("GET", "/files");
        restore.addHeader("HX-History-Restore-Request", "true");
        assertThat(Htmx.page(restore, "files/index")).isEqualTo("files/index");
    }

    @Test
    void modalsAreFragmentsForHtmxAndPagesOtherwise() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(Htmx.modal(htmx("GET", "/files/1"), model, "files/metadata")).isEqualTo("files/metadata :: modal");
        assertThat(Htmx.modal(new MockHttpServletRequest("GET", "/files/1"), model, "files/metadata"))
                .isEqualTo("fragments/modal-page");
        assertThat(model.getAttribute("modalView")).isEqualTo("files/metadata");
    }

    @Test
    void aChangeRedirectsPlainRequestsAndSendsHtmxAnHxLocationWithTheFlashSaved() {
        MockHttpServletRequest plain = withFlash(new MockHttpServletRequest("POST", "/files/1/delete"));
        MockHttpServletResponse plainResponse = new MockHttpServletResponse();
        assertThat(Htmx.done(plain, plainResponse, "/files", Flash.success("flash.file.deleted", "a.txt")))
                .isEqualTo("redirect:/files");
        assertThat(((FlashMap) plain.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE)).get(Htmx.FLASH)).isNotNull();

        MockHttpServletRequest htmx = withFlash(htmx("POST", "/files/1/delete"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(Htmx.done(htmx, response, "/files", Flash.success("flash.file.deleted", "a.txt")))
                .isEqualTo("fragments/empty");
        assertThat(response.getHeader("HX-Location"))
                .isEqualTo("{\"path\":\"/files\",\"target\":\"#content\",\"swap\":\"outerHTML\"}");
        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/files");
        next.setSession(htmx.getSession());
        FlashMap saved = new SessionFlashMapManager().retrieveAndUpdate(next, new MockHttpServletResponse());
        assertThat((Object) saved).isNotNull();
        assertThat(((Flash) saved.get(Htmx.FLASH)).key()).isEqualTo("flash.file.deleted");
    }

    private static MockHttpServletRequest htmx(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.addHeader("HX-Request", "true");
        return request;
    }

    private static MockHttpServletRequest withFlash(MockHttpServletRequest request) {
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
        request.setAttribute(DispatcherServlet.FLASH_MAP_MANAGER_ATTRIBUTE, new SessionFlashMapManager());
        return request;
    }
}
