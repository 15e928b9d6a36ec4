package io.crmrecon.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The app's login page (templates/login.ftlh) for staff pages reached directly; logging in here logs in to the
 * Camunda webapps as well ({@link CamundaSessionSecurityContextRepository}). Spring Security handles the POST.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }

    /** A logout link (GET) gets a button to confirm: logging out itself is a POST with the CSRF token. */
    @GetMapping("/logout")
    String confirmLogout() {
        return "logout";
    }
}
