package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.submissions.client.CatalogueClient;
import eu.drugsplan.submissions.client.CatalogueDtos.CodeDto;
import eu.drugsplan.submissions.client.CatalogueDtos.CodelistDto;
import eu.drugsplan.submissions.client.CatalogueDtos.MeasureDto;
import eu.drugsplan.submissions.client.CatalogueDtos.ReporterDto;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.service.review.MeasureReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The catalogue as last fetched from indicators-service. After the TTL every resource is revalidated with
 * its ETag, so a catalogue migration is picked up without a restart while an unchanged catalogue costs a
 * few 304s. When indicators-service is away the last snapshot keeps serving; with none, intake refuses (503)
 * rather than accept unvalidated data.
 */
@ApplicationScoped
public class CatalogueCache {

    private static final Logger LOG = Logger.getLogger(CatalogueCache.class);

    private final CatalogueClient client;
    private final SubmissionsConfig config;
    private final Map<String, Fetched<?>> resources = new HashMap<>();
    private volatile Catalogue current;
    private volatile Instant checkedAt = Instant.EPOCH;

    public CatalogueCache(@RestClient CatalogueClient client, SubmissionsConfig config) {
        this.client = client;
        this.config = config;
    }

    /** A resource's last body and the ETag it came with. */
    private record Fetched<T>(String etag, T body) {
    }

    public Catalogue current() {
        if (current == null || Instant.now().isAfter(checkedAt.plus(config.catalogue().ttl()))) {
            refresh();
        }
        return current;
    }

    private synchronized void refresh() {
        if (current != null && !Instant.now().isAfter(checkedAt.plus(config.catalogue().ttl()))) {
            return;
        }
        try {
            current = build();
        } catch (RuntimeException e) {
            if (current == null) {
                LOG.warnf("catalogue unavailable and none cached: %s", e.getMessage());
                throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "catalogue-unavailable",
                        "The indicator catalogue cannot be reached, so no row can be validated; retry later."));
            }
            LOG.warnf("catalogue revalidation failed, keeping the cached one: %s", e.getMessage());
        }
        checkedAt = Instant.now();
    }

    private Catalogue build() {
        List<MeasureDto> measures = fetch("measures", client::measures, new GenericType<List<MeasureDto>>() { });
        List<ReporterDto> reporters = fetch("reporters", client::reporters, new GenericType<List<ReporterDto>>() { });
        Set<String> codelistIds = new LinkedHashSet<>(List.of(Catalogue.REF_AREA, Catalogue.OBS_STATUS));
        measures.forEach(m -> codelistIds.addAll(m.dimensions()));
        Map<String, Map<String, Catalogue.Code>> codelists = new HashMap<>();
        for (String id : codelistIds) {
            CodelistDto list = fetch("codelist " + id, etag -> client.codelist(id, etag), new GenericType<CodelistDto>() { });
            codelists.put(id, codes(list));
        }
        return new Catalogue(measuresByCode(measures), Map.copyOf(codelists), reporterKinds(reporters));
    }

    @SuppressWarnings("unchecked")
    private <T> T fetch(String name, Function<String, Response> call, GenericType<T> type) {
        Fetched<T> held = (Fetched<T>) resources.get(name);
        try (Response response = call.apply(held == null ? null : held.etag())) {
            if (response.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode() && held != null) {
                return held.body();
            }
            if (response.getStatus() != Response.Status.OK.getStatusCode()) {
                throw new IllegalStateException("catalogue " + name + " answered " + response.getStatus());
            }
            T body = response.readEntity(type);
            String etag = response.getHeaderString("ETag");
            resources.put(name, new Fetched<>(etag, body));
            return body;
        }
    }

    private static Map<String, Catalogue.Measure> measuresByCode(List<MeasureDto> measures) {
        Map<String, Catalogue.Measure> byCode = new HashMap<>();
        for (MeasureDto m : measures) {
            Set<String> agencies = m.reporters() == null || m.reporters().agencies() == null
                    ? Set.of() : Set.copyOf(m.reporters().agencies());
            byCode.put(m.code(), new Catalogue.Measure(m.code(), Catalogue.UnitKind.valueOf(m.unitKind()),
                    Frequency.valueOf(m.frequency()), List.copyOf(m.dimensions()),
                    m.reporters() != null && m.reporters().memberStates(), agencies, m.plausibility(),
                    m.unit() == null ? "" : m.unit(), review(m), trend(m)));
        }
        return Map.copyOf(byCode);
    }

    private static MeasureReview review(MeasureDto m) {
        return m.reviewingBody() == null || m.reviewingBody().isBlank() ? MeasureReview.DEFAULT
                : new MeasureReview(m.reviewingBody(), Boolean.TRUE.equals(m.releaseOnSubmission()));
    }

    /** A direction the trend methods do not know is judged as none, as reporting-service cannot judge it either. */
    private static MeasureProperties trend(MeasureDto m) {
        DesiredDirection direction = Arrays.stream(DesiredDirection.values())
                .filter(d -> d.name().equals(m.desiredDirection())).findFirst().orElse(DesiredDirection.NONE);
        return new MeasureProperties(direction, m.stableBandPercent());
    }

    private static Map<String, Catalogue.Code> codes(CodelistDto list) {
        Map<String, Catalogue.Code> codes = new LinkedHashMap<>();
        for (CodeDto code : list.codes()) {
            boolean missing = code.properties() != null && code.properties().path("missing").asBoolean(false);
            codes.put(code.code(), new Catalogue.Code(code.code(), code.parent(), missing, names(list.id(), code)));
        }
        return Map.copyOf(codes);
    }

    /**
     * The names a spreadsheet may give a code by: its label and its properties' texts (a country's names and ISO
     * codes, as the dataset loader reads them; a bulletin column header such as "Males"). A waste-water site is
     * never named in a published table, so it has none.
     */
    private static List<String> names(String codelist, CodeDto code) {
        List<String> names = new ArrayList<>();
        if (code.label() != null) {
            names.add(code.label());
        }
        JsonNode properties = code.properties();
        if (properties == null || !properties.isObject()) {
            return List.copyOf(names);
        }
        if (Catalogue.REF_AREA.equals(codelist)) {
            if (properties.path("wastewaterSite").asBoolean(false)) {
                return List.of();
            }
            PublishedTables.AREA_NAME_PROPERTIES.forEach(property -> texts(properties.path(property), names));
        } else {
            properties.elements().forEachRemaining(value -> texts(value, names));
        }
        return List.copyOf(names);
    }

    private static void texts(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> texts(element, into));
        }
    }

    private static Map<String, Catalogue.ReporterKind> reporterKinds(List<ReporterDto> reporters) {
        Map<String, Catalogue.ReporterKind> kinds = new HashMap<>();
        reporters.forEach(r -> kinds.put(r.code(), Catalogue.ReporterKind.valueOf(r.kind())));
        return Map.copyOf(kinds);
    }
}
