package eu.drugsplan.indicators.sdmx.structure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.structure.StructureSelection.Entry;
import eu.drugsplan.indicators.sdmx.structure.Structures.Artefact;
import eu.drugsplan.indicators.sdmx.structure.Structures.Availability;
import eu.drugsplan.indicators.sdmx.structure.Structures.Item;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an SDMX-JSON 2.0.0 structure message (sdmx-json-structure-schema 2.0.0, the SDMX 3.0 JSON format) as a
 * stream. SDMX 3.0 versions are semantic ({@value SdmxIds#SEMANTIC_VERSION}); the agency scheme keeps its fixed 1.0.
 */
public final class StructureJsonWriter {

    static final String SCHEMA = "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Structures structures;
    private JsonGenerator g;

    public StructureJsonWriter(Structures structures) {
        this.structures = structures;
    }

    public void write(List<Entry> entries, OutputStream out) throws IOException {
        g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeObjectFieldStart("meta");
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("id", "IREF" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        g.writeBooleanField("test", false);
        g.writeStringField("prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeArrayFieldStart("contentLanguages");
        g.writeString("en");
        g.writeEndArray();
        g.writeObjectFieldStart("sender");
        g.writeStringField("id", SdmxIds.AGENCY);
        g.writeStringField("name", SdmxIds.AGENCY_NAME);
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("data");
        ArtefactType open = null;
        for (Entry e : entries) {
            ArtefactType type = e.artefact().type();
            if (type != open) {
                if (open != null) {
                    g.writeEndArray();
                }
                g.writeArrayFieldStart(container(type));
                open = type;
            }
            artefact(e);
        }
        if (open != null) {
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        g.close();
    }

    private static String container(ArtefactType type) {
        return switch (type) {
            case AGENCY_SCHEME -> "agencySchemes";
            case DATAFLOW -> "dataflows";
            case CODELIST -> "codelists";
            case CONCEPT_SCHEME -> "conceptSchemes";
            case DATA_STRUCTURE -> "dataStructures";
            case CONSTRAINT -> "dataConstraints";
        };
    }

    private void artefact(Entry e) throws IOException {
        Artefact a = e.artefact();
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("version", version(a));
        g.writeStringField("agencyID", a.agency());
        if (e.stub()) {
            g.writeBooleanField("isExternalReference", true);
        }
        names("name", "names", structures.name(a));
        String description = structures.description(a);
        if (description != null && (!e.stub() || e.completeStub())) {
            names("description", "descriptions", description);
        }
        if (a.type().isItemScheme() && e.partial()) {
            g.writeBooleanField("isPartial", true);
        }
        if (!e.stub()) {
            switch (a.type()) {
                case AGENCY_SCHEME, CODELIST, CONCEPT_SCHEME -> items(a, e.items() == null ? structures.items(a) : e.items());
                case DATAFLOW -> g.writeStringField("structure",
                        urn(ArtefactType.DATA_STRUCTURE, SdmxIds.AGENCY, SdmxIds.dataStructureId(a.measure()), SdmxIds.SEMANTIC_VERSION));
                case DATA_STRUCTURE -> new DsdJsonComponents(g).write(structures.components(a.measure()));
                case CONSTRAINT -> constraint(a.measure());
            }
        }
        g.writeEndObject();
    }

    private void items(Artefact a, List<Item> items) throws IOException {
        if (items.isEmpty()) {
            return; // the schema wants at least one item where the list is given
        }
        g.writeArrayFieldStart(switch (a.type()) {
            case AGENCY_SCHEME -> "agencies";
            case CODELIST -> "codes";
            default -> "concepts";
        });
        for (Item item : items) {
            g.writeStartObject();
            g.writeStringField("id", item.id());
            names("name", "names", item.name());
            if (item.description() != null) {
                names("description", "descriptions", item.description());
            }
            if (item.parent() != null && a.type() == ArtefactType.CODELIST) {
                g.writeStringField("parent", item.parent());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void constraint(String measure) throws IOException {
        g.writeStringField("role", "Actual");
        g.writeObjectFieldStart("constraintAttachment");
        g.writeArrayFieldStart("dataflows");
        g.writeString(urn(ArtefactType.DATAFLOW, SdmxIds.AGENCY, SdmxIds.dataflowId(measure), SdmxIds.SEMANTIC_VERSION));
        g.writeEndArray();
        g.writeEndObject();
        Availability available = structures.availability(measure).orElseThrow();
        g.writeArrayFieldStart("cubeRegions");
        g.writeStartObject();
        g.writeBooleanField("include", true);
        g.writeArrayFieldStart("keyValues");
        for (Map.Entry<String, Set<String>> values : available.values().entrySet()) {
            g.writeStartObject();
            g.writeStringField("id", values.getKey());
            g.writeArrayFieldStart("values");
            for (String value : values.getValue()) {
                g.writeString(value);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeStartObject();
        g.writeStringField("id", Structures.TIME_PERIOD);
        g.writeObjectFieldStart("timeRange");
        g.writeObjectFieldStart("startPeriod");
        g.writeStringField("period", available.firstPeriod());
        g.writeBooleanField("isInclusive", true);
        g.writeEndObject();
        g.writeObjectFieldStart("endPeriod");
        g.writeStringField("period", available.lastPeriod());
        g.writeBooleanField("isInclusive", true);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private void names(String field, String fields, String text) throws IOException {
        g.writeStringField(field, text);
        g.writeObjectFieldStart(fields);
        g.writeStringField("en", text);
        g.writeEndObject();
    }

    static String version(Artefact a) {
        return a.type() == ArtefactType.AGENCY_SCHEME ? SdmxIds.AGENCY_SCHEME_VERSION : SdmxIds.SEMANTIC_VERSION;
    }

    static String urn(ArtefactType type, String agency, String id, String version) {
        return "urn:sdmx:org.sdmx.infomodel." + type.urnClass(true) + "=" + agency + ":" + id + "(" + version + ")";
    }
}
