package eu.drugsplan.indicators.catalogue;

import eu.drugsplan.indicators.rest.CatalogueViews.CodeView;
import eu.drugsplan.indicators.rest.CatalogueViews.CodelistSummary;
import eu.drugsplan.indicators.rest.CatalogueViews.CodelistView;
import eu.drugsplan.indicators.rest.CatalogueViews.IndicatorSummary;
import eu.drugsplan.indicators.rest.CatalogueViews.IndicatorView;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.rest.CatalogueViews.ReporterView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable snapshot of the catalogue at a catalogue version. The version is the Flyway history's
 * latest rank, because the catalogue only ever changes by migration.
 */
public record Catalogue(String version, Map<String, IndicatorView> indicators, Map<String, MeasureView> measures,
                        Map<String, CodelistView> codelists, List<ReporterView> reporters) {

    public Catalogue {
        indicators = new LinkedHashMap<>(indicators);
        measures = new LinkedHashMap<>(measures);
        codelists = new LinkedHashMap<>(codelists);
        reporters = List.copyOf(reporters);
    }

    public List<IndicatorSummary> indicatorSummaries() {
        return indicators.values().stream()
                .map(i -> new IndicatorSummary(i.code(), i.title(), i.measures().stream().map(MeasureView::code).toList()))
                .toList();
    }

    public List<CodelistSummary> codelistSummaries() {
        return codelists.values().stream()
                .map(c -> new CodelistSummary(c.id(), c.name(), c.description(), c.codes().size()))
                .toList();
    }

    public Optional<IndicatorView> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public Optional<MeasureView> measure(String code) {
        return Optional.ofNullable(measures.get(code));
    }

    public Optional<CodelistView> codelist(String id) {
        return Optional.ofNullable(codelists.get(id));
    }

    public Optional<CodeView> code(String codelist, String code) {
        return codelist(codelist).flatMap(c -> c.codes().stream().filter(v -> v.code().equals(code)).findFirst());
    }
}
