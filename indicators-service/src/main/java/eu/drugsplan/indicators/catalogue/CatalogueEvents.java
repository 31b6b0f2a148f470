package eu.drugsplan.indicators.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.contracts.catalogue.ReporterKind;
import eu.drugsplan.contracts.catalogue.UnitKind;
import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.indicators.rest.CatalogueViews.CodeView;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The catalogue snapshot as the event other services keep a copy of (see {@link CatalogueEvent}). */
public final class CatalogueEvents {

    private static final String AREAS = "REF_AREA";
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private CatalogueEvents() {
    }

    public static CatalogueEvent of(Catalogue catalogue, ObjectMapper json, Instant now) {
        List<CatalogueEvent.Measure> measures = catalogue.measures().values().stream()
                .map(CatalogueEvents::measure).toList();
        Map<String, List<CatalogueEvent.Area>> codelists = new LinkedHashMap<>();
        catalogue.codelists().values().forEach(list -> codelists.put(list.id(),
                list.codes().stream().map(code -> area(code, json)).toList()));
        List<CatalogueEvent.Area> areas = codelists.getOrDefault(AREAS, List.of());
        codelists.remove(AREAS);
        List<CatalogueEvent.Reporter> reporters = catalogue.reporters().stream()
                .map(r -> new CatalogueEvent.Reporter(r.code(), ReporterKind.valueOf(r.kind()))).toList();
        return new CatalogueEvent(CatalogueEvent.CURRENT_VERSION, UUID.randomUUID(), catalogue.version(), now,
                measures, areas, codelists, reporters);
    }

    private static CatalogueEvent.Measure measure(MeasureView m) {
        boolean memberStates = m.reporters() != null && m.reporters().memberStates();
        List<String> agencies = m.reporters() == null ? List.of() : m.reporters().agencies();
        // the catalogue's text columns become the contract's types here, at the edge of this service's model
        return new CatalogueEvent.Measure(m.code(), m.indicator(), m.unit(), DesiredDirection.valueOf(m.desiredDirection()),
                m.euTotalRule(), m.stableBandPercent(), m.dimensions(), m.headline(), UnitKind.valueOf(m.unitKind()),
                Frequency.valueOf(m.frequency()), memberStates, agencies, m.reviewingBody(), m.releaseOnSubmission(),
                m.plausibility());
    }

    private static CatalogueEvent.Area area(CodeView code, ObjectMapper json) {
        JsonNode properties = code.properties();
        Map<String, Object> values = properties == null || properties.isNull() ? Map.of()
                : json.convertValue(properties, PROPERTIES);
        return new CatalogueEvent.Area(code.code(), code.label(), code.parent(), values);
    }
}
