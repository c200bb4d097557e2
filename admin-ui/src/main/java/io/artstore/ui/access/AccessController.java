package io.artstore.ui.access;

import java.time.Clock;

import io.artstore.ui.api.AdminApiException;
import io.artstore.ui.web.ApiErrors;
import io.artstore.ui.web.Flash;
import io.artstore.ui.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Access page: admin users and service accounts. */
@Controller
@RequestMapping("/access")
public class AccessController {

    private static final String PAGE = "/access";
    private static final String CONFIRMATION_REQUIRED = "CONFIRMATION_REQUIRED";
    private final AccessService access;
    private final Clock clock;

    public AccessController(AccessService access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    public String page(HttpServletRequest request, Model model) {
        model.addAttribute("users", access.users());
        model.addAttribute("accounts", access.accounts());
        model.addAttribute("allScopes", ServiceAccount.ALL_SCOPES);
        return Htmx.page(request, "access/index");
    }

    // ---- admin users ----

    @GetMapping("/users/new")
    public String newUser(HttpServletRequest request, Model model) {
        model.addAttribute("form", AccessForms.NewUser.empty());
        return Htmx.modal(request, model, "access/user-new");
    }

    @PostMapping("/users")
    public String createUser(AccessForms.NewUser form, HttpServletRequest request, HttpServletResponse response,
                             Model model) {
        try {
            access.createUser(form);
        } catch (AdminApiException ex) {
            model.addAttribute("form", form);
            return ApiErrors.modal(request, model, ex, "access/user-new");
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.user.created", form.username()));
    }

    @GetMapping("/users/{id}/edit")
    public String editUser(@PathVariable String id, HttpServletRequest request, Model model) {
        AdminUser user = access.user(id);
        model.addAttribute("user", user);
        model.addAttribute("form", new AccessForms.EditUser(user.email(), user.role()));
        return Htmx.modal(request, model, "access/user-edit");
    }

    @PostMapping("/users/{id}")
    public String updateUser(@PathVariable String id, AccessForms.EditUser form, HttpServletRequest request,
                             HttpServletResponse response, Model model) {
        try {
            AdminUser user = access.updateUser(id, form);
            return Htmx.done(request, response, PAGE, Flash.success("flash.user.updated", user.username()));
        } catch (AdminApiException ex) {
            model.addAttribute("user", access.user(id));
            model.addAttribute("form", form);
            return ApiErrors.modal(request, model, ex, "access/user-edit");
        }
    }

    @GetMapping("/users/{id}/password")
    public String passwordForm(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("user", access.user(id));
        return Htmx.modal(request, model, "access/user-password");
    }

    @PostMapping("/users/{id}/password")
    public String resetPassword(@PathVariable String id, AccessForms.NewPassword form, HttpServletRequest request,
                                HttpServletResponse response, Model model) {
        AdminUser user = access.user(id);
        try {
            access.resetPassword(id, form.newPassword() == null ? "" : form.newPassword());
        } catch (AdminApiException ex) {
            model.addAttribute("user", user);
            return ApiErrors.modal(request, model, ex, "access/user-password");
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.user.password", user.username()));
    }

    @PostMapping("/users/{id}/unlock")
    public String unlock(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        AdminUser user = access.user(id);
        try {
            access.unlock(id);
        } catch (AdminApiException ex) {
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.user.unlocked", user.username()));
    }

    @GetMapping("/users/{id}/delete")
    public String confirmDeleteUser(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("user", access.user(id));
        return Htmx.modal(request, model, "access/user-delete");
    }

    @PostMapping("/users/{id}/delete")
    public String deleteUser(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        AdminUser user = access.user(id);
        try {
            access.deleteUser(id);
        } catch (AdminApiException ex) {
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.user.deleted", user.username()));
    }

    // ---- service accounts ----

    @GetMapping("/accounts/new")
    public String newAccount(HttpServletRequest request, Model model) {
        model.addAttribute("form", AccessForms.NewAccount.empty());
        model.addAttribute("allScopes", ServiceAccount.ALL_SCOPES);
        return Htmx.modal(request, model, "access/account-new");
    }

    @PostMapping("/accounts")
    public String createAccount(AccessForms.NewAccount form, HttpServletRequest request, Model model) {
        try {
            ServiceAccount created = access.createAccount(form);
            model.addAttribute("clientId", created.clientId());
            model.addAttribute("secret", created.clientSecret());
            model.addAttribute("expiresAt", created.secretExpiresAt());
            return Htmx.modal(request, model, "access/account-secret");
        } catch (AdminApiException ex) {
            model.addAttribute("form", form);
            model.addAttribute("allScopes", ServiceAccount.ALL_SCOPES);
            return ApiErrors.modal(request, model, ex, "access/account-new");
        }
    }

    @GetMapping("/accounts/{id}/edit")
    public String editAccount(@PathVariable String id, HttpServletRequest request, Model model) {
        ServiceAccount account = access.account(id);
        model.addAttribute("account", account);
        model.addAttribute("form", new AccessForms.EditAccount(account.name(), account.description(),
                account.scopes(), account.status()));
        model.addAttribute("allScopes", ServiceAccount.ALL_SCOPES);
        return Htmx.modal(request, model, "access/account-edit");
    }

    @PostMapping("/accounts/{id}")
    public String updateAccount(@PathVariable String id, AccessForms.EditAccount form, HttpServletRequest request,
                                HttpServletResponse response, Model model) {
        try {
            ServiceAccount account = access.updateAccount(id, form);
            return Htmx.done(request, response, PAGE, Flash.success("flash.account.updated", account.name()));
        } catch (AdminApiException ex) {
            model.addAttribute("account", access.account(id));
            model.addAttribute("form", form);
            model.addAttribute("allScopes", ServiceAccount.ALL_SCOPES);
            return ApiErrors.modal(request, model, ex, "access/account-edit");
        }
    }

    @GetMapping("/accounts/{id}/rotate")
    public String confirmRotate(@PathVariable String id, HttpServletRequest request, Model model) {
        confirmation(access.account(id), false, model);
        return Htmx.modal(request, model, "access/account-rotate");
    }

    @PostMapping("/accounts/{id}/rotate")
    public String rotate(@PathVariable String id, @RequestParam(required = false) String confirmName,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            RotatedSecret rotated = access.rotateSecret(id, confirmName);
            model.addAttribute("clientId", rotated.clientId());
            model.addAttribute("secret", rotated.clientSecret());
            model.addAttribute("expiresAt", rotated.secretExpiresAt());
            return Htmx.modal(request, model, "access/account-secret");
        } catch (AdminApiException ex) {
            if (CONFIRMATION_REQUIRED.equals(ex.code())) {
                confirmation(access.account(id), true, model);
                return Htmx.modal(request, model, "access/account-rotate");
            }
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
    }

    @GetMapping("/accounts/{id}/delete")
    public String confirmDeleteAccount(@PathVariable String id, HttpServletRequest request, Model model) {
        confirmation(access.account(id), false, model);
        return Htmx.modal(request, model, "access/account-delete");
    }

    @PostMapping("/accounts/{id}/delete")
    public String deleteAccount(@PathVariable String id, @RequestParam(required = false) String confirmName,
                                HttpServletRequest request, HttpServletResponse response, Model model) {
        ServiceAccount account = access.account(id);
        try {
            access.deleteAccount(id, confirmName);
        } catch (AdminApiException ex) {
            if (CONFIRMATION_REQUIRED.equals(ex.code())) {
                confirmation(access.account(id), true, model);
                return Htmx.modal(request, model, "access/account-delete");
            }
            return Htmx.done(request, response, PAGE, ApiErrors.flash(ex));
        }
        return Htmx.done(request, response, PAGE, Flash.success("flash.account.deleted", account.name()));
    }

    /**
     * The account for a delete or rotate dialog. One used within the last 24 hours gets a field
     * for its name (admin-module refuses without it); {@code refused}: admin-module just did, so the
     * dialog shows why (wrong or missing name, or the account was used since the dialog opened).
     */
    private void confirmation(ServiceAccount account, boolean refused, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("confirmNeeded", refused || account.usedRecently(clock.instant()));
        if (refused) {
            model.addAttribute("error", Flash.error("access.account.confirm.wrong", account.name()));
        }
    }
}
