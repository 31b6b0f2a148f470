package eu.drugsplan.indicators.sdmx.structure;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.rest.CatalogueViews.CodelistView;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SDMX structures generated from one catalogue snapshot and what data the store holds: per measure a dataflow,
 * a data structure definition (REF_AREA and the measure's dimensions in the key order of /api/v1/data, then
 * TIME_PERIOD; OBS_VALUE; OBS_STATUS and OBS_COMMENT per observation, UNIT_MEASURE and UNIT_MULT per data set and
 * DECIMALS where the measure counts whole things), and an actual content constraint when it has data; a code list
 * per catalogue code list; one concept scheme; the agency scheme naming the agency. Ids follow {@link SdmxIds}.
 */
public final class Structures {

    public record Artefact(ArtefactType type, String agency, String id, String measure, String codelist) {
    }

    public record Item(String id, String name, String description, String parent) {
    }

    public enum Role { DIMENSION, TIME_DIMENSION, MEASURE, ATTRIBUTE }

    /** Where an attribute's value sits: per observation, or once for the data set (the dataflow). */
    public enum Attachment { OBSERVATION, DATASET }

    /** A component of a DSD: coded by an SDMX code list id, or text of an SDMX text type. */
    public record Component(String id, Role role, String codelist, String textType, Attachment attachment,
                            boolean mandatory) {
    }

    /** What data exists for a measure: the codes of each dimension with data, and the first and last period. */
    public record Availability(Map<String, Set<String>> values, String firstPeriod, String lastPeriod, long series,
                               long observations) {
    }

    public static final String REF_AREA = "REF_AREA";
    public static final String TIME_PERIOD = "TIME_PERIOD";
    public static final String OBS_VALUE = "OBS_VALUE";
    public static final String OBS_STATUS = "OBS_STATUS";
    public static final String OBS_COMMENT = "OBS_COMMENT";
    public static final String UNIT_MEASURE = "UNIT_MEASURE";
    public static final String UNIT_MULT = "UNIT_MULT";
    public static final String DECIMALS = "DECIMALS";

    private static final Map<String, String[]> FIXED_CONCEPTS = fixedConcepts();

    private final Catalogue catalogue;
    private final Map<String, Availability> availability;
    private final Map<String, String> measureByFlow;
    private final List<Artefact> artefacts = new ArrayList<>();

    public Structures(Catalogue catalogue, Map<String, Availability> availability) {
        this.catalogue = catalogue;
        this.availability = availability;
        this.measureByFlow = SdmxIds.measuresByDataflow(catalogue.measures().keySet());
        artefacts.add(new Artefact(ArtefactType.AGENCY_SCHEME, SdmxIds.SDMX_AGENCY, SdmxIds.AGENCY_SCHEME, null, null));
        for (MeasureView m : catalogue.measures().values()) {
            artefacts.add(new Artefact(ArtefactType.DATAFLOW, SdmxIds.AGENCY, SdmxIds.dataflowId(m.code()), m.code(), null));
        }
        for (CodelistView c : catalogue.codelists().values()) {
            artefacts.add(new Artefact(ArtefactType.CODELIST, SdmxIds.AGENCY, SdmxIds.codelistId(c.id()), null, c.id()));
        }
        artefacts.add(new Artefact(ArtefactType.CONCEPT_SCHEME, SdmxIds.AGENCY, SdmxIds.CONCEPT_SCHEME, null, null));
        for (MeasureView m : catalogue.measures().values()) {
            artefacts.add(new Artefact(ArtefactType.DATA_STRUCTURE, SdmxIds.AGENCY, SdmxIds.dataStructureId(m.code()), m.code(), null));
        }
        for (MeasureView m : catalogue.measures().values()) {
            if (availability.containsKey(m.code())) {
                artefacts.add(new Artefact(ArtefactType.CONSTRAINT, SdmxIds.AGENCY, SdmxIds.constraintId(m.code()), m.code(), null));
            }
        }
    }

    public List<Artefact> artefacts() {
        return artefacts;
    }

    public Optional<String> measureOfDataflow(String flowId) {
        return Optional.ofNullable(measureByFlow.get(flowId));
    }

    public MeasureView measure(String code) {
        return catalogue.measures().get(code);
    }

    public Optional<Availability> availability(String measure) {
        return Optional.ofNullable(availability.get(measure));
    }

    public Artefact dataflow(String measure) {
        return find(ArtefactType.DATAFLOW, SdmxIds.dataflowId(measure));
    }

    public Artefact dataStructure(String measure) {
        return find(ArtefactType.DATA_STRUCTURE, SdmxIds.dataStructureId(measure));
    }

    private Artefact find(ArtefactType type, String id) {
        return artefacts.stream().filter(a -> a.type() == type && a.id().equals(id)).findFirst().orElseThrow();
    }

    public String name(Artefact a) {
        return switch (a.type()) {
            case AGENCY_SCHEME -> "SDMX agency scheme";
            case DATAFLOW -> measure(a.measure()).name();
            case DATA_STRUCTURE -> "Data structure of " + measure(a.measure()).name();
            case CODELIST -> catalogue.codelists().get(a.codelist()).name();
            case CONCEPT_SCHEME -> "Concepts of the EU Action Plan on Drugs monitoring";
            case CONSTRAINT -> "Data available for " + measure(a.measure()).name();
        };
    }

    public String description(Artefact a) {
        return switch (a.type()) {
            case DATAFLOW, DATA_STRUCTURE -> {
                MeasureView m = measure(a.measure());
                yield m.description() + " Unit: " + m.unit() + ". Indicator " + m.indicator() + ", catalogue measure "
                        + m.code() + ".";
            }
            case CODELIST -> catalogue.codelists().get(a.codelist()).description();
            default -> null;
        };
    }

    /** The items of an item scheme, in catalogue order. */
    public List<Item> items(Artefact a) {
        return switch (a.type()) {
            case AGENCY_SCHEME -> List.of(new Item(SdmxIds.AGENCY, SdmxIds.AGENCY_NAME, null, null));
            case CODELIST -> catalogue.codelists().get(a.codelist()).codes().stream()
                    .map(c -> new Item(c.code(), c.label(), null, c.parent())).toList();
            case CONCEPT_SCHEME -> concepts();
            default -> List.of();
        };
    }

    private List<Item> concepts() {
        List<Item> concepts = new ArrayList<>();
        concepts.add(new Item(REF_AREA, catalogue.codelist(REF_AREA).map(CodelistView::name).orElse("Reference area"), null, null));
        for (CodelistView c : catalogue.codelists().values()) {
            if (!c.id().equals(REF_AREA) && !c.id().equals(OBS_STATUS)) {
                concepts.add(new Item(c.id(), c.name(), c.description(), null));
            }
        }
        FIXED_CONCEPTS.forEach((id, text) -> concepts.add(new Item(id, text[0], text[1], null)));
        return concepts;
    }

    /** The components of a measure's DSD, dimensions in key order. */
    public List<Component> components(String measure) {
        MeasureView m = measure(measure);
        List<Component> components = new ArrayList<>();
        components.add(new Component(REF_AREA, Role.DIMENSION, SdmxIds.codelistId(REF_AREA), null, null, true));
        for (String dimension : m.dimensions()) {
            components.add(new Component(dimension, Role.DIMENSION, SdmxIds.codelistId(dimension), null, null, true));
        }
        components.add(new Component(TIME_PERIOD, Role.TIME_DIMENSION, null, "ObservationalTimePeriod", null, true));
        components.add(new Component(OBS_VALUE, Role.MEASURE, null, "Double", null, false));
        components.add(new Component(OBS_STATUS, Role.ATTRIBUTE, SdmxIds.codelistId(OBS_STATUS), null, Attachment.OBSERVATION, true));
        components.add(new Component(OBS_COMMENT, Role.ATTRIBUTE, null, "String", Attachment.OBSERVATION, false));
        components.add(new Component(UNIT_MEASURE, Role.ATTRIBUTE, null, "String", Attachment.DATASET, false));
        components.add(new Component(UNIT_MULT, Role.ATTRIBUTE, null, "Integer", Attachment.DATASET, false));
        if (decimals(m).isPresent()) {
            components.add(new Component(DECIMALS, Role.ATTRIBUTE, null, "Integer", Attachment.DATASET, false));
        }
        return components;
    }

    /** DECIMALS is known only where the measure counts whole things (counts, yes/no). */
    public static Optional<Integer> decimals(MeasureView m) {
        return "COUNT".equals(m.unitKind()) || "BINARY".equals(m.unitKind()) ? Optional.of(0) : Optional.empty();
    }

    /** The artefacts an artefact references (SDMX REST's "children"). */
    public Set<Artefact> children(Artefact a) {
        Set<Artefact> children = new LinkedHashSet<>();
        switch (a.type()) {
            case DATAFLOW -> children.add(dataStructure(a.measure()));
            case DATA_STRUCTURE -> {
                for (Component c : components(a.measure())) {
                    if (c.codelist() != null) {
                        children.add(find(ArtefactType.CODELIST, c.codelist()));
                    }
                }
                children.add(find(ArtefactType.CONCEPT_SCHEME, SdmxIds.CONCEPT_SCHEME));
            }
            case CONSTRAINT -> children.add(dataflow(a.measure()));
            default -> {
            }
        }
        return children;
    }

    /** The artefacts that reference an artefact (SDMX REST's "parents"). */
    public Set<Artefact> parents(Artefact a) {
        Set<Artefact> parents = new LinkedHashSet<>();
        for (Artefact other : artefacts) {
            if (children(other).contains(a)) {
                parents.add(other);
            }
        }
        return parents;
    }

    /** The codes of a code list that data of these measures use (for detail=referencepartial). */
    public Set<String> usedCodes(Artefact codelist, Set<String> measures) {
        Set<String> used = new LinkedHashSet<>();
        for (String measure : measures) {
            Availability available = availability.get(measure);
            if (available == null) {
                continue;
            }
            for (Component c : components(measure)) {
                if (codelist.id().equals(c.codelist()) && available.values().containsKey(c.id())) {
                    used.addAll(available.values().get(c.id()));
                }
            }
        }
        return used;
    }

    /** The concepts the DSDs of these measures use. */
    public Set<String> usedConcepts(Set<String> measures) {
        Set<String> used = new LinkedHashSet<>();
        for (String measure : measures) {
            components(measure).forEach(c -> used.add(c.id()));
        }
        return used;
    }

    private static Map<String, String[]> fixedConcepts() {
        Map<String, String[]> concepts = new LinkedHashMap<>();
        concepts.put(TIME_PERIOD, new String[] {"Time period", "The period of the observation (ISO 8601 / SDMX reporting period)."});
        concepts.put(OBS_VALUE, new String[] {"Observation value", "The value of the observation, in the measure's unit."});
        concepts.put(OBS_STATUS, new String[] {"Observation status", "Status of the observation (SDMX CL_OBS_STATUS)."});
        concepts.put(OBS_COMMENT, new String[] {"Observation comment", "Free text that comments the observation."});
        concepts.put(UNIT_MEASURE, new String[] {"Unit of measure", "The unit the values of the measure are given in."});
        concepts.put(UNIT_MULT, new String[] {"Unit multiplier", "Power of ten by which the values are multiplied (0: as given)."});
        concepts.put(DECIMALS, new String[] {"Decimals", "Number of decimal digits the values are given with."});
        return concepts;
    }
}
