package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.service.ConflictCode;
import eu.drugsplan.submissions.service.ObservationRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SDMX-ML 2.1 StructureSpecificData read as rows. The messages are written as SDMX REST services write them
 * (the ECB's and Eurostat's answers: a Header with message:Structure and a StructureUsage Ref or a Structure URN,
 * series or flat observations, Replace and Delete data sets).
 */
class SdmxMlRowsTest {

    static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    static final CsvRows.Vocabulary VOCABULARY = new CsvRows.Vocabulary(Set.of(MEASURE, "PI10.OST_CLIENTS"),
            Set.of("SEX", "AGE", "MEDICATION"));
    static final String NAMESPACES = "xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\""
            + " xmlns:common=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common\""
            + " xmlns:ss=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:ns1=\"urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=DRUGSPLAN:PI09_DRUG_INDUCED_DEATHS(1.0):ObsLevelDim:TIME_PERIOD\"";

    @TempDir
    Path directory;

    static String header(String structure) {
        return "<message:Header><message:ID>IREF000001</message:ID><message:Test>false</message:Test>"
                + "<message:Prepared>2026-12-03T10:00:00Z</message:Prepared>"
                + "<message:Sender id=\"AT_NFP\"/>" + structure + "</message:Header>";
    }

    static final String DATAFLOW = "<message:Structure structureID=\"DF1\" namespace=\"urn:x\" dimensionAtObservation=\"TIME_PERIOD\">"
            + "<common:StructureUsage><Ref agencyID=\"DRUGSPLAN\" id=\"PI09_DRUG_INDUCED_DEATHS\" version=\"1.0\"/>"
            + "</common:StructureUsage></message:Structure>";

    static String message(String structure, String dataSets) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<message:StructureSpecificData " + NAMESPACES + ">"
                + header(structure) + dataSets + "</message:StructureSpecificData>";
    }

    static String dataSet(String action, String content) {
        return "<message:DataSet ss:structureRef=\"DF1\" xsi:type=\"ns1:DataSetType\" ss:dataScope=\"DataStructure\""
                + " action=\"" + action + "\">\n" + content + "\n</message:DataSet>";
    }

    @Test
    void each_obs_of_each_series_is_a_row_with_the_series_key_and_its_own_attributes() throws IOException {
        String body = message(DATAFLOW, dataSet("Replace",
                "<Series FREQ=\"A\" REF_AREA=\"AT\" SEX=\"T\" AGE=\"TOTAL\" UNIT_MEASURE=\"NR\">"
                        + "<Obs TIME_PERIOD=\"2021\" OBS_VALUE=\"235\" OBS_STATUS=\"A\"/>"
                        + "<Obs TIME_PERIOD=\"2022\" OBS_VALUE=\"210.5\" OBS_STATUS=\"P\" OBS_COMMENT=\"provisional\"/>"
                        + "</Series>\n<Series FREQ=\"A\" REF_AREA=\"AT\" SEX=\"M\" AGE=\"TOTAL\">"
                        + "<Obs TIME_PERIOD=\"2022\" OBS_VALUE=\"160\"/></Series>"));

        try (SdmxMlRows rows = open(body)) {
            List<ObservationRow> read = all(rows);
            assertThat(read).extracting(ObservationRow::pointer).containsExactly("/DataSet[1]/Series[1]/Obs[1]",
                    "/DataSet[1]/Series[1]/Obs[2]", "/DataSet[1]/Series[2]/Obs[1]");
            assertThat(read).extracting(ObservationRow::measure).containsOnly(MEASURE);
            assertThat(read).extracting(ObservationRow::area).containsOnly("AT");
            assertThat(read).extracting(ObservationRow::period).containsExactly("2021", "2022", "2022");
            assertThat(read).extracting(ObservationRow::value).containsExactly("235", "210.5", "160");
            assertThat(read).extracting(ObservationRow::status).containsExactly("A", "P", null);
            assertThat(read).extracting(ObservationRow::comment).containsExactly(null, "provisional", null);
            assertThat(read).extracting(ObservationRow::action).containsOnly("Replace");
            assertThat(read.get(2).dimensions()).isEqualTo(Map.of("SEX", "M", "AGE", "TOTAL"));
            assertThat(rows.notes()).hasSize(2).anySatisfy(note -> assertThat(note).contains("'FREQ'"))
                    .anySatisfy(note -> assertThat(note).contains("'UNIT_MEASURE'"));
        }
    }

    @Test
    void flat_observations_carry_every_dimension_and_a_data_structure_urn_names_the_measure() throws IOException {
        String structure = "<message:Structure structureID=\"DSD\" dimensionAtObservation=\"AllDimensions\">"
                + "<common:Structure><URN>urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=DRUGSPLAN:"
                + "DSD_PI10_OST_CLIENTS(1.0)</URN></common:Structure></message:Structure>";
        String body = message(structure, "<message:DataSet ss:structureRef=\"DSD\" xsi:type=\"ns1:DataSetType\">"
                + "<Group type=\"SiblingGroup\" REF_AREA=\"SE\" TITLE=\"Sweden\"/>"
                + "<Obs REF_AREA=\"SE\" MEDICATION=\"DHC\" TIME_PERIOD=\"2020\" OBS_VALUE=\"12\"/>"
                + "<Obs REF_AREA=\"SE\" MEDICATION=\"OTHER\" TIME_PERIOD=\"2020\" OBS_VALUE=\"3\"/></message:DataSet>");

        try (SdmxMlRows rows = open(body)) {
            List<ObservationRow> read = all(rows);
            assertThat(read).extracting(ObservationRow::pointer).containsExactly("/DataSet[1]/Obs[1]", "/DataSet[1]/Obs[2]");
            assertThat(read).extracting(ObservationRow::measure).containsOnly("PI10.OST_CLIENTS");
            assertThat(read).extracting(r -> r.dimensions().get("MEDICATION")).containsExactly("DHC", "OTHER");
            assertThat(read).extracting(ObservationRow::action).containsOnly((String) null);
            assertThat(rows.notes()).containsExactlyInAnyOrder(
                    "The group attribute 'REF_AREA' was ignored: the suite keeps attributes on observations only.",
                    "The group attribute 'TITLE' was ignored: the suite keeps attributes on observations only.");
        }
    }

    @Test
    void a_delete_data_set_deletes_observations_and_refuses_what_the_store_cannot_delete() throws IOException {
        String body = message(DATAFLOW, dataSet("Delete",
                "<Series REF_AREA=\"AT\" SEX=\"T\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2021\"/>"
                        + "<Obs TIME_PERIOD=\"2022\" OBS_STATUS=\"P\"/></Series>"
                        + "<Series REF_AREA=\"AT\" SEX=\"F\" AGE=\"TOTAL\"/>"));

        try (SdmxMlRows rows = open(body)) {
            List<ObservationRow> read = all(rows);
            assertThat(read).hasSize(3);
            assertThat(read.get(0).refused()).isNull();
            assertThat(read.get(0).action()).isEqualTo("Delete");
            assertThat(read.get(0).period()).isEqualTo("2021");
            assertThat(read.get(1).refused().code()).isEqualTo(ConflictCode.DELETE_ATTRIBUTE_UNSUPPORTED);
            assertThat(read.get(1).refused().row()).isEqualTo("/DataSet[1]/Series[1]/Obs[2]");
            assertThat(read.get(2).refused().code()).isEqualTo(ConflictCode.DELETE_WILDCARD_UNSUPPORTED);
            assertThat(read.get(2).refused().row()).isEqualTo("/DataSet[1]/Series[2]");
        }
    }

    @Test
    void a_provision_agreement_or_an_unknown_dataflow_is_refused_row_by_row() throws IOException {
        String provision = "<message:Structure structureID=\"DF1\"><common:ProvisionAgreement>"
                + "<Ref agencyID=\"DRUGSPLAN\" id=\"PA_AT\" version=\"1.0\"/></common:ProvisionAgreement></message:Structure>";
        try (SdmxMlRows rows = open(message(provision, dataSet("Replace",
                "<Series REF_AREA=\"AT\" SEX=\"T\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2021\" OBS_VALUE=\"1\"/></Series>")))) {
            ObservationRow row = all(rows).get(0);
            assertThat(row.refused().code()).isEqualTo(ConflictCode.STRUCTURE_UNSUPPORTED);
            assertThat(row.refused().row()).isEqualTo("/DataSet[1]/Series[1]/Obs[1]");
        }
        String unknown = DATAFLOW.replace("PI09_DRUG_INDUCED_DEATHS", "EXR");
        try (SdmxMlRows rows = open(message(unknown, dataSet("Replace",
                "<Series REF_AREA=\"AT\"><Obs TIME_PERIOD=\"2021\" OBS_VALUE=\"1\"/></Series>")))) {
            // the validator refuses the measure it names, as for any other format
            assertThat(all(rows).get(0).measure()).isEqualTo("EXR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not XML|a,b,c|not well-formed",
        "truncated after the first observation|TRUNCATED|not well-formed",
        "a GenericData message|<message:GenericData xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\"><message:Header/></message:GenericData>|GenericData",
        "an SDMX-ML 3.0 message|<message:StructureSpecificData xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message\"/>|not an SDMX-ML 2.1",
        "no Header|<message:StructureSpecificData xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\"><message:DataSet/></message:StructureSpecificData>|no message:Header",
        "a DataSet of a structure the Header lacks|UNKNOWN_REF|does not define",
        "an Obs between the Header and the DataSet|STRAY_OBS|outside a message:DataSet",
        "a Series after the last DataSet|STRAY_SERIES|outside a message:DataSet",
        "a DTD with an external entity|XXE|DTD",
        "an entity expansion bomb|LAUGHS|DTD"})
    void a_body_unusable_as_a_whole_is_a_400_before_any_row(String name, String body, String detail) throws IOException {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "SECRET-VALUE");
        String full = message(DATAFLOW, dataSet("Replace",
                "<Series REF_AREA=\"AT\" SEX=\"T\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2021\" OBS_VALUE=\"1\"/></Series>"));
        String sent = switch (body) {
            case "TRUNCATED" -> full.substring(0, full.indexOf("</Series>"));
            case "UNKNOWN_REF" -> full.replace("ss:structureRef=\"DF1\"", "ss:structureRef=\"OTHER\"");
            case "STRAY_OBS" -> full.replace("</message:Header>", "</message:Header><Obs TIME_PERIOD=\"2020\"/>");
            case "STRAY_SERIES" -> full.replace("</message:StructureSpecificData>", "<Series REF_AREA=\"AT\"/></message:StructureSpecificData>");
            case "XXE" -> "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                    + full.substring(full.indexOf("<message:StructureSpecificData")).replace("235", "&x;")
                            .replace("OBS_VALUE=\"1\"", "OBS_VALUE=\"&x;\"");
            case "LAUGHS" -> "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    + full.substring(full.indexOf("<message:StructureSpecificData")).replace("OBS_VALUE=\"1\"", "OBS_VALUE=\"&c;\"");
            default -> body;
        };
        assertThatThrownBy(() -> open(sent).close()).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).contains(detail).doesNotContain("SECRET-VALUE");
        });
    }

    private SdmxMlRows open(String body) throws IOException {
        Path file = Files.createTempFile(directory, "message", ".xml");
        Files.writeString(file, body);
        return SdmxMlRows.open(file, VOCABULARY);
    }

    private static List<ObservationRow> all(SdmxMlRows rows) {
        List<ObservationRow> read = new ArrayList<>();
        rows.forEachRemaining(read::add);
        return read;
    }
}
