package io.artstore.ui.storage;

import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.ui.api.AdminApiException;
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

/**
 * Storage elements page: table with filters, discover → register, edit, site label, sync,
 * mode change, drain (and its cancel), delete.
 */
@Controller
@RequestMapping("/storage")
public class StorageController {

    static final int PAGE_SIZE = 25;
    /** admin-module's limit of a site label. */
    static final int SITE_MAX_LENGTH = 100;
    private static final String PAGE = "/storage";

    private final StorageService storage;

    public StorageController(StorageService storage) {
        this.storage = storage;
    }

    /** Filters of the table. */
    public record Filter(String mode, String status, String q, Integer page) {
        /** The offset of the page; a filter or page outside its values is a 400. */
        int checkedOffset() {
            RequestChecks.oneOf("mode", mode, ModeTransitions.MODES);
            RequestChecks.oneOf("status", status, ModeTransitions.STATUSES);
            return RequestChecks.offset(page, PAGE_SIZE);
        }
    }

    @GetMapping
    public String page(Filter filter, HttpServletRequest request, Model model) {
        int offset = filter.checkedOffset();
        model.addAttribute("filter", filter);
        StorageService.Listing listing = storage.search(filter.mode(), filter.status(), filter.q(), PAGE_SIZE, offset);
        model.addAttribute("elements", listing.elements());
        model.addAttribute("drains", listing.drains());
        model.addAttribute("modes", ModeTransitions.MODES);
        model.addAttribute("statuses", ModeTransitions.STATUSES);
        return Htmx.page(request, "storage/index");
    }

    @GetMapping("/discover")
    public String discoverForm(HttpServletRequest request, Model model) {
        model.addAttribute("url", "");
        return Htmx.modal(request, model, "storage/discover");
    }

    @PostMapping("/discover")
    public String discover(@RequestParam(defaultValue = "") String url, HttpServletRequest request, Model model) {
        model.addAttribute("url", url);
        try {
            model.addAttribute("discovery", storage.discover(url));
            model.addAttribute("name", "");
        } catch (AdminApiException ex) {
            return ApiErrors.modal(request, model, ex, "storage/discover");
        }
        return Htmx.modal(request, model, "storage/discover");
    }

    @PostMapping
    public String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
                           HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            StorageElementRecord se = storage.register(name, url);
            return Htmx.done(request, response, PAGE, Flash.success("flash.se.registered", se.name(), se.storageId()));
        } catch (AdminApiException ex) {
            model.addAttribute("url", url);
            model.addAttribute("name", name);
            return ApiErrors.modal(request, model, ex, "storage/discover");
        }
    }

    @GetMapping("/{id}/edit")
    public String editForm(@PathVariable String id, HttpServletRequest request, Model model) {
        StorageElementRecord se = storage.get(id);
        model.addAttribute("se", se);
        model.addAttribute("name", se.name());
        model.addAttribute("url", se.url());
        return Htmx.modal(request, model, "storage/edit");
    }

    @PostMapping("/{id}")
    public String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String url, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        try {
            StorageElementRecord se = storage.update(id, name, url);
            return Htmx.done(request, response, PAGE, Flash.success("flash.se.updated", se.name()));
        } catch (AdminApiException ex) {
            model.addAttribute("se", storage.get(id));
            model.addAttribute("name", name);
            model.addAttribute("url", url);
            return ApiErrors.modal(request, model, ex, "storage/edit");
        }
    }

    @PostMapping("/{id}/sync")
    public String sync(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        try {
            SyncResult result = storage.sync(id);
            SyncResult.FileSync files = result.fileSync();
            return Htmx.done(request, response, PAGE, Flash.success("flash.se.synced",
                    result.storageElement() == null ? id : result.storageElement().name(),
                    files.filesOnSe(), files.filesAdded(), files.filesUpdated(), files.filesMarkedDeleted()));
        } catch (AdminApiException ex) {
            if (ex.status() == 403) {
                throw ex;
            }
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
    }

    @GetMapping("/{id}/mode")
    public String modeForm(@PathVariable String id, HttpServletRequest request, Model model) {
        StorageElementRecord se = storage.get(id);
        model.addAttribute("se", se);
        model.addAttribute("targets", ModeTransitions.targets(se.mode()));
        return Htmx.modal(request, model, "storage/mode");
    }

    @PostMapping("/{id}/mode")
    public String changeMode(@PathVariable String id, @RequestParam(name = "target_mode", defaultValue = "") String target,
                             @RequestParam(defaultValue = "false") boolean confirm,
                             @RequestParam(name = "confirm_name", defaultValue = "") String confirmName,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        StorageElementRecord se = storage.get(id);
        model.addAttribute("se", se);
        model.addAttribute("targets", ModeTransitions.targets(se.mode()));
        model.addAttribute("target", target);
        var refusal = ModeTransitions.refusal(se.mode(), target, confirm, confirmName, se.name());
        if (refusal.isPresent()) {
            model.addAttribute("error", Flash.error(refusal.get().messageKey(), se.name()));
            return Htmx.modal(request, model, "storage/mode");
        }
        try {
            // the box only means something for ro -> rw; a ticked box left behind for ar is not passed on
            storage.changeMode(id, target, confirm && ModeTransitions.needsConfirmation(se.mode(), target));
        } catch (AdminApiException ex) {
            return ApiErrors.modal(request, model, ex, "storage/mode");
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.se.mode", se.name(), se.mode(), target));
    }

    @GetMapping("/{id}/site")
    public String siteForm(@PathVariable String id, HttpServletRequest request, Model model) {
        StorageElementRecord se = storage.get(id);
        model.addAttribute("se", se);
        model.addAttribute("site", ownLabel(se));
        return Htmx.modal(request, model, "storage/site");
    }

    @PostMapping("/{id}/site")
    public String updateSite(@PathVariable String id, @RequestParam(defaultValue = "") String site,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        StorageElementRecord se = storage.get(id);
        model.addAttribute("se", se);
        model.addAttribute("site", site);
        String label = site.strip();
        if (label.isEmpty() || label.length() > SITE_MAX_LENGTH) {
            // refused here, before admin-module is asked: nothing is sent
            model.addAttribute("error", Flash.error("storage.site.invalid", SITE_MAX_LENGTH));
            return Htmx.modal(request, model, "storage/site");
        }
        try {
            StorageElementRecord updated = storage.updateSite(id, label);
            return Htmx.done(request, response, PAGE, Flash.success("flash.se.site", se.name(),
                    updated.site() == null ? label : updated.site()));
        } catch (AdminApiException ex) {
            return ApiErrors.modal(request, model, ex, "storage/site");
        }
    }

    @GetMapping("/{id}/drain")
    public String drainForm(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("se", storage.get(id));
        return Htmx.modal(request, model, "storage/drain");
    }

    @PostMapping("/{id}/drain")
    public String drain(@PathVariable String id, @RequestParam(name = "confirm_name", defaultValue = "") String confirmName,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        StorageElementRecord se = storage.get(id);
        model.addAttribute("se", se);
        var refusal = Drains.refusal(se, confirmName);
        if (refusal.isPresent()) {
            model.addAttribute("error", Flash.error(refusal.get().messageKey(), se.name()));
            return Htmx.modal(request, model, "storage/drain");
        }
        try {
            storage.drain(id);
        } catch (AdminApiException ex) {
            return ApiErrors.modal(request, model, ex, "storage/drain");
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.se.drain", se.name()));
    }

    @PostMapping("/{id}/drain/cancel")
    public String cancelDrain(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        StorageElementRecord se = storage.get(id);
        try {
            storage.cancelDrain(id);
        } catch (AdminApiException ex) {
            if (ex.status() == 403) {
                throw ex;
            }
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.se.drainCancelled", se.name()));
    }

    /** The label set on the SE; admin-module shows the SE's id when none is set, which is no label to edit. */
    static String ownLabel(StorageElementRecord se) {
        String site = se.site();
        return site == null || (se.id() != null && site.equals(se.id().toString())) ? "" : site;
    }

    @GetMapping("/{id}/delete")
    public String confirmDelete(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("se", storage.get(id));
        return Htmx.modal(request, model, "storage/delete");
    }

    @PostMapping("/{id}/delete")
    public String delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        StorageElementRecord se = storage.get(id);
        try {
            storage.delete(id);
        } catch (AdminApiException ex) {
            if (ex.status() == 403) {
                throw ex;
            }
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.se.deleted", se.name()));
    }
}
