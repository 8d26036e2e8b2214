package fi.hyte.indicator.indicator.web;

import fi.hyte.indicator.Localized;
import fi.hyte.indicator.indicator.Indicator;
import java.util.List;
import org.springframework.data.domain.Page;

/** Response bodies of the indicator catalogue API, and the one place that maps indicators to them. */
final class IndicatorViews {

    private IndicatorViews() {}

    record IndicatorView(int id, Localized title, OrganisationView organisation, ClassificationsView classifications) {}

    record OrganisationView(int id, Localized title) {}

    record ClassificationsView(List<String> sex, List<String> region) {}

    /**
     * A page of results.
     *
     * @param page zero-based page number
     */
    record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {}

    static IndicatorView of(Indicator indicator) {
        return new IndicatorView(
                indicator.id(),
                indicator.title(),
                new OrganisationView(
                        indicator.organisation().id(), indicator.organisation().title()),
                new ClassificationsView(
                        indicator.classifications().sex(),
                        indicator.classifications().region()));
    }

    static PageView<IndicatorView> of(Page<Indicator> page) {
        return new PageView<>(
                page.getContent().stream().map(IndicatorViews::of).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements(),
                page.getTotalPages());
    }
}
