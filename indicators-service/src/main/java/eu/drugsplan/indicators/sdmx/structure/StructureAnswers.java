package eu.drugsplan.indicators.sdmx.structure;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import eu.drugsplan.indicators.sdmx.SdmxApi;
import eu.drugsplan.indicators.sdmx.SdmxException;
import eu.drugsplan.indicators.sdmx.SdmxFormat;
import eu.drugsplan.indicators.sdmx.SdmxNegotiation;
import eu.drugsplan.indicators.sdmx.structure.AvailabilityQueries.SeriesWithData;
import eu.drugsplan.indicators.sdmx.structure.StructureSelection.Entry;
import eu.drugsplan.indicators.sdmx.structure.Structures.Artefact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;

/**
 * Answers structure and availability queries of both SDMX APIs: builds the structures of the current catalogue and
 * data, selects what the query asks for, negotiates the format and streams the message.
 */
@ApplicationScoped
public class StructureAnswers {

    /** The formats of structure and availability answers, default first (2.1 API: SDMX-ML; 3.0 API: SDMX-JSON). */
    static final List<SdmxFormat> FORMATS_21 = List.of(SdmxFormat.STRUCTURE_ML_21, SdmxFormat.STRUCTURE_JSON_20);
    static final List<SdmxFormat> FORMATS_30 = List.of(SdmxFormat.STRUCTURE_JSON_20, SdmxFormat.STRUCTURE_ML_21);

    private final CatalogueCache catalogue;
    private final AvailabilityQueries availability;

    public StructureAnswers(CatalogueCache catalogue, AvailabilityQueries availability) {
        this.catalogue = catalogue;
        this.availability = availability;
    }

    public Response structures(StructureQuery query, String accept, String format) {
        SdmxFormat chosen = negotiate(query.api(), accept, format);
        Catalogue c = catalogue.current();
        Structures structures = new Structures(c, AvailabilityQueries.aggregate(c, availability.series(), s -> true));
        return write(structures, StructureSelection.select(structures, query), chosen);
    }

    /**
     * An availability query (2.1 {@code availableconstraint}, 3.0 {@code availability}): the actual content
     * constraint of one dataflow, computed from the series that match the key, for one component or all.
     */
    public Response availability(SdmxApi api, String flowId, String key, String componentId, String accept, String format) {
        SdmxFormat chosen = negotiate(api, accept, format);
        Catalogue c = catalogue.current();
        Structures all = new Structures(c, Map.of());
        String measure = all.measureOfDataflow(flowId).orElseThrow(() -> SdmxException.noResults("No dataflow " + flowId + "."));
        Predicate<SeriesWithData> matches = keyFilter(all, measure, key);
        Map<String, Structures.Availability> available = AvailabilityQueries.aggregate(c, availability.series(),
                s -> s.measure().equals(measure) && matches.test(s));
        if (!available.containsKey(measure)) {
            throw SdmxException.noResults("No data of " + flowId + " matches " + (key == null ? "the query" : key) + ".");
        }
        if (componentId != null && !componentId.isEmpty() && !componentId.equals("all") && !componentId.equals("*")) {
            Structures.Availability a = available.get(measure);
            if (!a.values().containsKey(componentId) && !componentId.equals(Structures.TIME_PERIOD)) {
                throw SdmxException.syntax("No dimension " + componentId + " in " + flowId + ".");
            }
            Map<String, Set<String>> only = new LinkedHashMap<>();
            if (a.values().containsKey(componentId)) {
                only.put(componentId, a.values().get(componentId));
            }
            available = Map.of(measure, new Structures.Availability(only, a.firstPeriod(), a.lastPeriod(), a.series(), a.observations()));
        }
        Structures structures = new Structures(c, available);
        Artefact constraint = structures.artefacts().stream()
                .filter(x -> x.type() == ArtefactType.CONSTRAINT).findFirst().orElseThrow();
        return write(structures, List.of(new Entry(constraint, false, false, null, false)), chosen);
    }

    /** SDMX REST's key: one part per dimension joined by '.', alternatives by '+' (2.1) or ',' (3.0), empty or * = any. */
    static Predicate<SeriesWithData> keyFilter(Structures structures, String measure, String key) {
        if (key == null || key.isEmpty() || key.equals("all") || key.equals("*")) {
            return s -> true;
        }
        List<String> dimensions = new ArrayList<>();
        dimensions.add(Structures.REF_AREA);
        dimensions.addAll(structures.measure(measure).dimensions());
        String[] parts = key.split("\\.", -1);
        if (parts.length != dimensions.size()) {
            throw SdmxException.syntax("The key " + key + " has " + parts.length + " parts; " + SdmxIds.dataflowId(measure)
                    + " has " + dimensions.size() + " dimensions (" + String.join(".", dimensions) + ").");
        }
        List<Predicate<SeriesWithData>> tests = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals("*")) {
                continue;
            }
            List<String> allowed = Arrays.asList(part.split("[+,]"));
            String dimension = dimensions.get(i);
            tests.add(dimension.equals(Structures.REF_AREA) ? s -> allowed.contains(s.area())
                    : s -> allowed.contains(s.dimensions().get(dimension)));
        }
        return s -> tests.stream().allMatch(t -> t.test(s));
    }

    private static SdmxFormat negotiate(SdmxApi api, String accept, String format) {
        return SdmxNegotiation.choose(accept, format, api == SdmxApi.V2_1 ? FORMATS_21 : FORMATS_30);
    }

    private static Response write(Structures structures, List<Entry> entries, SdmxFormat format) {
        StreamingOutput body = out -> {
            try {
                if (format.isJson()) {
                    new StructureJsonWriter(structures).write(entries, out);
                } else {
                    new StructureMlWriter(structures).write(entries, out);
                }
            } catch (XMLStreamException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        };
        return Response.ok(body, format.contentType())
                .header("Vary", "Accept")
                .header("Cache-Control", "public, max-age=60")
                .build();
    }
}
