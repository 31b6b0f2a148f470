package eu.drugsplan.indicators.sdmx.structure;

import java.util.Optional;

/** The kinds of structure the suite writes, in the order an SDMX-ML 2.1 Structure message lists them. */
public enum ArtefactType {
    AGENCY_SCHEME("agencyscheme", "agencyscheme", "base.AgencyScheme"),
    DATAFLOW("dataflow", "dataflow", "datastructure.Dataflow"),
    CODELIST("codelist", "codelist", "codelist.Codelist"),
    CONCEPT_SCHEME("conceptscheme", "conceptscheme", "conceptscheme.ConceptScheme"),
    DATA_STRUCTURE("datastructure", "datastructure", "datastructure.DataStructure"),
    CONSTRAINT("contentconstraint", "dataconstraint", "registry.ContentConstraint");

    private final String resource21;
    private final String resource30;
    private final String urnClass;

    ArtefactType(String resource21, String resource30, String urnClass) {
        this.resource21 = resource21;
        this.resource30 = resource30;
        this.urnClass = urnClass;
    }

    public String resource21() {
        return resource21;
    }

    public String resource30() {
        return resource30;
    }

    /** The package and class of its URN (SDMX 3.0 names the constraint registry.DataConstraint). */
    public String urnClass(boolean sdmx30) {
        return sdmx30 && this == CONSTRAINT ? "registry.DataConstraint" : urnClass;
    }

    public boolean isItemScheme() {
        return this == AGENCY_SCHEME || this == CODELIST || this == CONCEPT_SCHEME;
    }

    /** A resource name of the 2.1 API ({@code actualconstraint} is the constraint too) or of the 3.0 API. */
    public static Optional<ArtefactType> ofResource(String name, boolean sdmx30) {
        for (ArtefactType type : values()) {
            if (name.equals(sdmx30 ? type.resource30 : type.resource21)) {
                return Optional.of(type);
            }
        }
        return !sdmx30 && name.equals("actualconstraint") ? Optional.of(CONSTRAINT) : Optional.empty();
    }
}
