package io.artstore.ui.files;

import java.util.LinkedHashMap;
import java.util.Map;

import io.artstore.ui.api.AdminApiException;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.ui.storage.StorageService;
import io.artstore.ui.web.ApiErrors;
import io.artstore.ui.web.Flash;
import io.artstore.ui.web.Htmx;
import io.artstore.ui.web.RequestChecks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Files page: paged registry table, filters, metadata modal, edit, soft delete, download. */
@Controller
@RequestMapping("/files")
public class FilesController {

    static final int PAGE_SIZE = 50;
    private static final String PAGE = "/files";

    private final FilesService files;
    private final StorageService storage;
    private final QueryDownloads downloads;

    public FilesController(FilesService files, StorageService storage, QueryDownloads downloads) {
        this.files = files;
        this.storage = storage;
        this.downloads = downloads;
    }

    /** Filters of the table ({@code se} = storage element id). */
    public record Filter(String status, String retention, String se, String q, Integer page) {
        /** The offset of the page; a filter or page outside its values is a 400. */
        int checkedOffset() {
            RequestChecks.oneOf("status", status, FileRecord.STATUSES);
            RequestChecks.oneOf("retention", retention, FileRecord.RETENTION_POLICIES);
            RequestChecks.objectId("se", se);
            return RequestChecks.offset(page, PAGE_SIZE);
        }
    }

    @GetMapping
    public String page(Filter filter, HttpServletRequest request, Model model) {
        int offset = filter.checkedOffset();
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", FileRecord.STATUSES);
        model.addAttribute("retentionPolicies", FileRecord.RETENTION_POLICIES);
        model.addAttribute("files", files.search(new FilesService.Criteria(filter.status(), filter.retention(),
                filter.se()), filter.q(), PAGE_SIZE, offset));
        model.addAttribute("seNames", names(elements()));
        return Htmx.page(request, "files/index");
    }

    @GetMapping("/{id}")
    public String metadata(@PathVariable String id, HttpServletRequest request, Model model) {
        FileRecord file = files.get(id);
        Map<String, StorageElementRecord> elements = elements();
        model.addAttribute("file", file);
        model.addAttribute("seNames", names(elements));
        model.addAttribute("copies", FileCopies.of(file, elements));
        return Htmx.modal(request, model, "files/metadata");
    }

    @GetMapping("/{id}/edit")
    public String editForm(@PathVariable String id, HttpServletRequest request, Model model) {
        FileRecord file = files.get(id);
        model.addAttribute("file", file);
        model.addAttribute("description", file.description());
        model.addAttribute("tags", String.join(", ", file.tags()));
        return Htmx.modal(request, model, "files/edit");
    }

    @PostMapping("/{id}")
    public String update(@PathVariable String id, @RequestParam(defaultValue = "") String description,
                         @RequestParam(defaultValue = "") String tags, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        try {
            FileRecord file = files.update(id, description, tags);
            return Htmx.done(request, response, PAGE, Flash.success("flash.file.updated", file.originalFilename()));
        } catch (AdminApiException ex) {
            model.addAttribute("file", files.get(id));
            model.addAttribute("description", description);
            model.addAttribute("tags", tags);
            return ApiErrors.modal(request, model, ex, "files/edit");
        }
    }

    @GetMapping("/{id}/delete")
    public String confirmDelete(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("file", files.get(id));
        return Htmx.modal(request, model, "files/delete");
    }

    @PostMapping("/{id}/delete")
    public String delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        FileRecord file = files.get(id);
        try {
            files.softDelete(id);
        } catch (AdminApiException ex) {
            if (ex.status() == 403) {
                throw ex;
            }
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.file.deleted", file.originalFilename()));
    }

    @GetMapping("/{id}/download")
    public void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        downloads.stream(id, request, response);
    }

    /** The registry's SEs by id (empty when admin-module cannot list them). */
    private Map<String, StorageElementRecord> elements() {
        Map<String, StorageElementRecord> elements = new LinkedHashMap<>();
        try {
            for (StorageElementRecord se : storage.all(null, null)) {
                elements.put(se.id().toString(), se);
            }
        } catch (AdminApiException ex) {
            if (ex.status() == 403 || ex.status() == 401) {
                throw ex;
            }
            // SE names are decoration; the file table and the copies work without them
        }
        return elements;
    }

    private static Map<String, String> names(Map<String, StorageElementRecord> elements) {
        Map<String, String> names = new LinkedHashMap<>();
        elements.forEach((id, se) -> names.put(id, se.name()));
        return names;
    }
}
