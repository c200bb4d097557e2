package io.artstore.ui.keys;

import io.artstore.ui.api.AdminApi;
import io.artstore.ui.api.AdminApiException;
import io.artstore.ui.web.ApiErrors;
import io.artstore.ui.web.Flash;
import io.artstore.ui.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** JWT signing keys: status and rotation. */
@Controller
@RequestMapping("/keys")
public class KeysController {

    private final AdminApi api;

    public KeysController(AdminApi api) {
        this.api = api;
    }

    @GetMapping
    public String page(HttpServletRequest request, Model model) {
        model.addAttribute("status", api.get("/api/v1/jwt-keys/status", KeyStatus.class));
        return Htmx.page(request, "keys/index");
    }

    @GetMapping("/rotate")
    public String confirm(HttpServletRequest request, Model model) {
        return Htmx.modal(request, model, "keys/rotate");
    }

    @PostMapping("/rotate")
    public String rotate(HttpServletRequest request, HttpServletResponse response) {
        try {
            KeyRotation rotation = api.post("/api/v1/jwt-keys/rotate", null, KeyRotation.class);
            return Htmx.done(request, response, "/keys", Flash.success("flash.keys.rotated", rotation.newKeyId()));
        } catch (AdminApiException ex) {
            if (ex.status() == 403) {
                throw ex;
            }
            return Htmx.done(request, response, "/keys", ApiErrors.flash(ex));
        }
    }
}
