package eu.drugsplan.submissions.service;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.contracts.catalogue.CatalogueCopy;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.contracts.catalogue.ReporterKind;
import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.submissions.service.review.MeasureReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The catalogue rows are validated against, built from this service's copy of the catalogue (common's
 * {@code CatalogueCopies}, fed from the compacted topic indicators-service publishes it on at every start): a
 * catalogue migration reaches the intake when indicators-service starts with it, without a restart here and without
 * an HTTP call. With no copy, intake refuses (503) rather than accept unvalidated data.
 */
@ApplicationScoped
public class CatalogueCache {

    private final CatalogueCopy copy;
    /** The catalogue built from the copy it was built from: built again when a newer copy arrives. */
    private final AtomicReference<Built> built = new AtomicReference<>();

    private record Built(CatalogueEvent event, Catalogue catalogue) {
    }

    public CatalogueCache(CatalogueCopy copy) {
        this.copy = copy;
    }

    public Catalogue current() {
        CatalogueEvent event = copy.current().orElseThrow(() -> new ProblemException(Problems.of(
                Response.Status.SERVICE_UNAVAILABLE, "catalogue-unavailable",
                "The indicator catalogue has not reached this service yet, so no row can be validated; retry later.")));
        Built known = built.get();
        if (known != null && known.event() == event) {
            return known.catalogue();
        }
        Built fresh = new Built(event, of(event));
        built.set(fresh);
        return fresh.catalogue();
    }

    static Catalogue of(CatalogueEvent event) {
        Set<String> codelistIds = new LinkedHashSet<>(List.of(Catalogue.REF_AREA, Catalogue.OBS_STATUS));
        event.measures().forEach(m -> codelistIds.addAll(m.dimensions()));
        Map<String, Map<String, Catalogue.Code>> codelists = new HashMap<>();
        for (String id : codelistIds) {
            codelists.put(id, codes(id, event.codelist(id)));
        }
        Map<String, ReporterKind> reporters = new HashMap<>();
        event.reporters().forEach(r -> reporters.put(r.code(), r.kind()));
        return new Catalogue(measuresByCode(event.measures()), Map.copyOf(codelists), Map.copyOf(reporters));
    }

    private static Map<String, Catalogue.Measure> measuresByCode(List<CatalogueEvent.Measure> measures) {
        Map<String, Catalogue.Measure> byCode = new HashMap<>();
        for (CatalogueEvent.Measure m : measures) {
            byCode.put(m.code(), new Catalogue.Measure(m.code(), m.unitKind(),
                    m.frequency(), m.dimensions(), m.memberStates(), Set.copyOf(m.agencies()),
                    m.plausibility(), m.unit() == null ? "" : m.unit(), review(m), trend(m)));
        }
        return Map.copyOf(byCode);
    }

    private static MeasureReview review(CatalogueEvent.Measure m) {
        return m.reviewingBody() == null || m.reviewingBody().isBlank() ? MeasureReview.DEFAULT
                : new MeasureReview(m.reviewingBody(), m.releaseOnSubmission());
    }

    private static MeasureProperties trend(CatalogueEvent.Measure m) {
        return new MeasureProperties(m.desiredDirection() == null ? DesiredDirection.NONE : m.desiredDirection(),
                m.stableBandPercent() == null ? null : m.stableBandPercent().doubleValue());
    }

    private static Map<String, Catalogue.Code> codes(String codelist, List<CatalogueEvent.Area> list) {
        Map<String, Catalogue.Code> codes = new LinkedHashMap<>();
        for (CatalogueEvent.Area code : list) {
            boolean missing = Boolean.TRUE.equals(code.properties().get("missing"));
            codes.put(code.code(), new Catalogue.Code(code.code(), code.parent(), missing, names(codelist, code)));
        }
        return Map.copyOf(codes);
    }

    /**
     * The names a spreadsheet may give a code by: its label and its properties' texts (a country's names and ISO
     * codes, as the dataset loader reads them; a bulletin column header such as "Males"). A waste-water site is
     * never named in a published table, so it has none.
     */
    private static List<String> names(String codelist, CatalogueEvent.Area code) {
        List<String> names = new ArrayList<>();
        if (code.label() != null) {
            names.add(code.label());
        }
        Map<String, Object> properties = code.properties();
        if (Catalogue.REF_AREA.equals(codelist)) {
            if (Boolean.TRUE.equals(properties.get("wastewaterSite"))) {
                return List.of();
            }
            PublishedTables.AREA_NAME_PROPERTIES.forEach(property -> texts(properties.get(property), names));
        } else {
            properties.values().forEach(value -> texts(value, names));
        }
        return List.copyOf(names);
    }

    private static void texts(Object value, List<String> into) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof List<?> list) {
            list.forEach(element -> texts(element, into));
        }
    }
}
