package io.artstore.ui.dashboard;

import io.artstore.ui.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page. */
@Controller
public class DashboardController {

    private final DashboardService dashboard;

    public DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    public String page(HttpServletRequest request, Model model) {
        model.addAttribute("data", dashboard.load());
        return Htmx.page(request, "dashboard/index");
    }
}
