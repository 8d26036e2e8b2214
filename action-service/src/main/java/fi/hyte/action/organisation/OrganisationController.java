package fi.hyte.action.organisation;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/api/organisations")
    @PreAuthorize("isAuthenticated()")
    List<Organisation> all() {
        return organisations.all();
    }
}
