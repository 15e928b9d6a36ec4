package io.crmrecon.common;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Test only (never in the jar, and hidden from the API documentation): a staff page, a template and an API call
 * that fail the way a bug would.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
class FailingTestController {

    static final String SECRET = "SECRET-INTERNAL-DETAIL jdbc:postgresql://db/recon";

    @GetMapping("/test-failure/page")
    String page() {
        throw new IllegalStateException(SECRET);
    }

    /** templates/test/broken.ftlh writes a good part of a page, then reads a value that is not there. */
    @GetMapping("/test-failure/template")
    String template(Model model) {
        model.addAttribute("rows", java.util.Collections.nCopies(2000, "row written before the failure"));
        return "test/broken";
    }

    @GetMapping("/api/test-failure")
    @ResponseBody
    Map<String, String> api() {
        throw new IllegalStateException(SECRET);
    }
}
