package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.service.ConflictCode;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdmxStructureTest {

    private final SdmxStructure structures = new SdmxStructure(Set.of("PI09.DRUG_INDUCED_DEATHS", "PI12.SDG_PROGRESS"));

    @ParameterizedTest(name = "{0} {1} names {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dataflow      | PI09.DRUG_INDUCED_DEATHS                                                                           | PI09.DRUG_INDUCED_DEATHS
            dataflow      | EUDRUGS:PI09.DRUG_INDUCED_DEATHS(1.0)                                                              | PI09.DRUG_INDUCED_DEATHS
            dataflow      | DRUGS_PLAN:PI09_DRUG_INDUCED_DEATHS(1.0)                                                           | PI09.DRUG_INDUCED_DEATHS
            dataflow      | DRUGS_PLAN:PI09_DRUG_INDUCED_DEATHS                                                                | PI09.DRUG_INDUCED_DEATHS
            Dataflow      | PI09_DRUG_INDUCED_DEATHS(1.0.0)                                                                    | PI09.DRUG_INDUCED_DEATHS
            dataflow      | DRUGS_PLAN:PI09_DRUG_INDUCED_DEATHS(1.0): Drug-induced deaths                                      | PI09.DRUG_INDUCED_DEATHS
            dataflow      | urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=DRUGS_PLAN:PI12_SDG_PROGRESS(1.0)               | PI12.SDG_PROGRESS
            datastructure | DRUGS_PLAN:DSD_PI12_SDG_PROGRESS(1.0)                                                              | PI12.SDG_PROGRESS
            datastructure | DRUGS_PLAN:PI12_SDG_PROGRESS                                                                       | PI12.SDG_PROGRESS
            dataflow      | DRUGS_PLAN:DSD_PI12_SDG_PROGRESS(1.0)                                                              | DSD_PI12_SDG_PROGRESS
            dataflow      | DRUGS_PLAN:PI09_OVERDOSES(1.0)                                                                     | PI09_OVERDOSES
            dataflow      | EUDRUGS:../../etc/passwd(1.0)                                                                      | ../../etc/passwd
            dataflow      | EUDRUGS:PI09.DRUG: x(1.0)                                                                          | EUDRUGS:PI09.DRUG: x(1.0)
            """)
    void a_structure_id_names_a_measure_by_its_code_or_its_sdmx_id(String structure, String id, String measure) {
        SdmxStructure.Resolved resolved = structures.resolve("2", structure, id);
        assertThat(resolved.refused()).isNull();
        assertThat(resolved.measure()).isEqualTo(measure);
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dataprovision | STRUCTURE_UNSUPPORTED
            series        | STRUCTURE_INVALID
            ''            | STRUCTURE_INVALID
            """)
    void a_structure_other_than_a_dataflow_or_data_structure_is_refused(String structure, ConflictCode code) {
        SdmxStructure.Resolved resolved = structures.resolve("2", structure.isEmpty() ? null : structure,
                "DRUGS_PLAN:PI09_DRUG_INDUCED_DEATHS(1.0)");
        assertThat(resolved.refused().code()).isEqualTo(code);
        assertThat(resolved.refused().row()).isEqualTo("2");
    }

    @ParameterizedTest(name = "{0} keeps {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en:Any Value;fr:N'importe quelle Valeur | Any Value
            fr:Valeur;en:Value; with a semicolon    | Value; with a semicolon
            de:Wert;fr:Valeur                       | Wert
            no language prefix;fr:x                 | no language prefix;fr:x
            """)
    void a_multi_lingual_comment_keeps_its_english_text(String value, String kept) {
        assertThat(CsvCells.english(value, CsvCells.languagePrefix(';'))).isEqualTo(kept);
    }
}
