package eu.drugsplan.contracts.sdmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SdmxIdsTest {

    /** Every measure code of the catalogue (V3__catalogue_reference_data.sql). */
    private static final List<String> MEASURES = List.of("PI01.DRUG_RELATED_HOMICIDES", "PI01.DRUG_OCGS",
            "PI02.WASTEWATER_LOAD", "PI02.DRUG_EMERGENCIES", "PI03.FINANCIAL_INVESTIGATIONS", "PI03.ASSETS_RECOVERED",
            "PI04.SEIZURE_COUNT", "PI04.SEIZURE_QUANTITY", "PI05.NPS_NOTIFIED", "PI05.NPS_RISK_ASSESSMENTS",
            "PI06.PERCEIVED_AVAILABILITY", "PI06.PERCEIVED_INSECURITY", "PI07.PREVALENCE", "PI08.MEAN_AGE_FIRST_USE",
            "PI09.DRUG_INDUCED_DEATHS", "PI09.HIV_NOTIFICATIONS_PWID", "PI09.HCV_PREVALENCE_PWID", "PI10.OST_CLIENTS",
            "PI10.OST_COVERAGE", "PI10.NSP_SYRINGES", "PI10.HCV_TESTING_COVERAGE", "PI10.HCV_TREATMENT_COVERAGE",
            "PI11.PRISON_DRUG_STRATEGY", "PI12.SDG_PROGRESS");

    @Test
    void aMeasureCodeBecomesADataflowIdWithoutTheDot() {
        assertThat(SdmxIds.dataflowId("PI09.DRUG_INDUCED_DEATHS")).isEqualTo("PI09_DRUG_INDUCED_DEATHS");
        assertThat(SdmxIds.dataStructureId("PI09.DRUG_INDUCED_DEATHS")).isEqualTo("DSD_PI09_DRUG_INDUCED_DEATHS");
        assertThat(SdmxIds.constraintId("PI09.DRUG_INDUCED_DEATHS")).isEqualTo("CR_PI09_DRUG_INDUCED_DEATHS");
        assertThat(SdmxIds.codelistId("REF_AREA")).isEqualTo("CL_REF_AREA");
        assertThat(SdmxIds.catalogueCodelist("CL_REF_AREA")).contains("REF_AREA");
        assertThat(SdmxIds.catalogueCodelist("CL_")).isEmpty();
        assertThat(SdmxIds.catalogueCodelist("REF_AREA")).isEmpty();
    }

    @Test
    void everyIdTheSuiteWritesMatchesThePatternsOfTheOfficialSchemas() throws IOException {
        // the patterns are read from the SDMX-ML 2.1 schemas themselves, not copied from them
        String references = Files.readString(standards().resolve("sdmx-ml-2.1/SDMXCommonReferences.xsd"));
        Pattern id = xsdPattern(references, "IDType");
        Pattern ncName = xsdPattern(references, "NCNameIDType");
        Pattern version = xsdPattern(references, "VersionType");
        for (String measure : MEASURES) {
            for (String sdmxId : List.of(SdmxIds.dataflowId(measure), SdmxIds.dataStructureId(measure),
                    SdmxIds.constraintId(measure))) {
                assertThat(sdmxId).matches(id).matches(ncName).matches(SdmxIds.ID).doesNotContain(".");
            }
        }
        for (String sdmxId : List.of(SdmxIds.AGENCY, SdmxIds.CONCEPT_SCHEME, SdmxIds.AGENCY_SCHEME,
                SdmxIds.codelistId("OBS_STATUS"), SdmxIds.codelistId("REF_AREA"))) {
            assertThat(sdmxId).matches(ncName);
        }
        assertThat(SdmxIds.VERSION).matches(version);
        assertThat(SdmxIds.AGENCY_SCHEME_VERSION).matches(version);
        // the structure message schema of SDMX-JSON 2.0 holds ids to the same NCName rule
        String jsonSchema = Files.readString(standards().resolve("sdmx-json/sdmx-json-structure-schema-2.0.0.json"));
        Matcher ncJson = Pattern.compile("\"NCNameIDType\":\\{[^}]*\"pattern\":\"([^\"]+)\"").matcher(jsonSchema);
        assertThat(ncJson.find()).isTrue();
        Pattern jsonNcName = Pattern.compile(ncJson.group(1).replace("\\\\", "\\"));
        for (String measure : MEASURES) {
            assertThat(jsonNcName.matcher(SdmxIds.dataflowId(measure)).matches()).isTrue();
        }
        assertThat(SdmxIds.SEMANTIC_VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theReverseIsACatalogueLookUp() {
        Map<String, String> byFlow = SdmxIds.measuresByDataflow(MEASURES);
        assertThat(byFlow).hasSize(MEASURES.size());
        assertThat(byFlow.get("PI09_DRUG_INDUCED_DEATHS")).isEqualTo("PI09.DRUG_INDUCED_DEATHS");
        // no string reversal: an underscore that was an underscore stays one
        assertThat(byFlow.get("PI02_WASTEWATER_LOAD")).isEqualTo("PI02.WASTEWATER_LOAD");
        assertThat(byFlow.keySet()).containsExactlyElementsOf(MEASURES.stream().map(SdmxIds::dataflowId).toList());
    }

    @Test
    void twoCodesThatWouldShareADataflowAreRefused() {
        assertThatThrownBy(() -> SdmxIds.measuresByDataflow(List.of("PI09.DEATHS", "PI09_DEATHS")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PI09.DEATHS").hasMessageContaining("PI09_DEATHS");
        assertThat(SdmxIds.measuresByDataflow(List.of("PI09.DEATHS", "PI09.DEATHS"))).hasSize(1);
    }

    @Test
    void aCodeThatCannotBeAnSdmxIdIsRefused() {
        assertThat(SdmxIds.dataflowId("PI09.DEATHS PER 100k")).isEqualTo("PI09_DEATHS_PER_100k");
        assertThatThrownBy(() -> SdmxIds.dataflowId("9.DEATHS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SdmxIds.dataflowId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SdmxIds.codelistId("A.B")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothVersionFormsNameOurStructures() {
        assertThat(SdmxIds.isOurVersion("1.0")).isTrue();
        assertThat(SdmxIds.isOurVersion("1.0.0")).isTrue();
        assertThat(SdmxIds.isOurVersion("2.0")).isFalse();
        assertThat(SdmxIds.urn(SdmxIds.Urn.DATAFLOW, "PI09_DRUG_INDUCED_DEATHS", "1.0"))
                .isEqualTo("urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=DRUGS_PLAN:PI09_DRUG_INDUCED_DEATHS(1.0)");
    }

    private static Pattern xsdPattern(String xsd, String type) {
        Matcher m = Pattern.compile("<xs:simpleType name=\"" + type + "\">.*?<xs:pattern value=\"([^\"]+)\"/>",
                Pattern.DOTALL).matcher(xsd);
        assertThat(m.find()).as("pattern of %s in the schema", type).isTrue();
        return Pattern.compile(m.group(1));
    }

    /**
     * ../shared/standards beside the repository (or SDMX_STANDARDS_DIR): the nearest ancestor of the working
     * directory with a shared/standards folder, so a git worktree below the repository's parent finds it too.
     */
    static Path standards() {
        String configured = System.getenv("SDMX_STANDARDS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/standards");
            if (Files.isDirectory(candidate.resolve("sdmx-ml-2.1"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the SDMX standards (../shared/standards) are not beside the repository;"
                + " set SDMX_STANDARDS_DIR");
    }
}
