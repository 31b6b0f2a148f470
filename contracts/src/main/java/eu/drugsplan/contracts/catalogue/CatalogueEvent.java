package eu.drugsplan.contracts.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.trend.DesiredDirection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalogue as indicators-service publishes it, whole, on a compacted topic under one key ({@link #KEY}):
 * what the other services need of it to judge, total and place trends, so that none of them asks the catalogue
 * over HTTP on the path of an observation. indicators-service publishes it each time it starts (the catalogue
 * changes only by a migration, which runs at start); a consumer reads the topic from its beginning and keeps the
 * last record, so a service that starts later still learns the current catalogue.
 *
 * @param catalogueVersion the catalogue's own version (its latest migration), equal for equal catalogues
 * @param measures         every measure, with what a trend needs to know of it
 * @param areas            the REF_AREA code list: Member States have the EU aggregate as parent, a waste-water
 *                         site its country; properties as the catalogue keeps them (coordinates, Reitox partner)
 * @param codelists        every other code list a measure's dimensions or an observation's status use, by id, in
 *                         the same form (validation reads them)
 * @param reporters        who may submit: Member States, Reitox partners and agencies, by code
 */
// fields added by a later publisher are read past: a consumer reads what it knows
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueEvent(int version, UUID eventId, String catalogueVersion, Instant publishedAt,
                             List<Measure> measures, List<Area> areas, Map<String, List<Area>> codelists,
                             List<Reporter> reporters) {

    public static final int CURRENT_VERSION = 1;
    /** The one key of the topic: compaction keeps the latest catalogue only. */
    public static final String KEY = "catalogue";

    public CatalogueEvent {
        measures = measures == null ? List.of() : List.copyOf(measures);
        areas = areas == null ? List.of() : List.copyOf(areas);
        codelists = codelists == null ? Map.of() : Map.copyOf(codelists);
        reporters = reporters == null ? List.of() : List.copyOf(reporters);
    }

    /**
     * What judging, totalling and counting the trends of a measure needs, and what validating its rows needs.
     *
     * @param stableBandPercent the band within which a change counts as stable, null for the default
     * @param euTotalRule       how an EU total is formed (SUM, POPULATION_WEIGHTED_MEAN, NONE ...)
     * @param dimensions        the measure's dimension code list ids, in key order
     * @param headline          per dimension the code of its headline series (a dimension not named: every code)
     * @param unitKind          which values are valid
     * @param frequency         which periods are valid
     * @param memberStates      whether Member States (and Reitox partners) report it
     * @param agencies          the agencies that report it
     * @param reviewingBody     the agency that releases its submissions; null: the default body
     * @param plausibility      the checks that raise warnings at intake; null: none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(String code, String indicator, String unit, DesiredDirection desiredDirection,
                          String euTotalRule, BigDecimal stableBandPercent, List<String> dimensions,
                          Map<String, String> headline, UnitKind unitKind, Frequency frequency, boolean memberStates,
                          List<String> agencies, String reviewingBody, boolean releaseOnSubmission,
                          Plausibility plausibility) {

        public Measure {
            dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
            headline = headline == null ? Map.of() : Map.copyOf(headline);
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    /** A reporter and its kind. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reporter(String code, ReporterKind kind) {
    }

    /** A code of REF_AREA. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(String code, String label, String parent, Map<String, Object> properties) {

        public Area {
            properties = properties == null ? Map.of() : properties;
        }
    }

    /** A code list by id: REF_AREA is {@link #areas()}. */
    public List<Area> codelist(String id) {
        return "REF_AREA".equals(id) ? areas : codelists.getOrDefault(id, List.of());
    }

    public Optional<Measure> measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
