package eu.drugsplan.indicators.sdmx.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.drugsplan.indicators.format.DataFormat;
import eu.drugsplan.indicators.sdmx.SdmxFormat;
import eu.drugsplan.indicators.sdmx.structure.StructureResource;
import eu.drugsplan.testsupport.SdmxSchemas;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDMX routes of the served OpenAPI document (META-INF/openapi.yaml) against the SDMX Technical Working
 * Group's own OpenAPI descriptions in ../shared/standards/sdmx-rest (1.5.0 for /sdmx/2.1, 2.2.2 for /sdmx/3.0):
 * the same path templates and parameter names, the suite's extensions named here; and against the resources: every
 * resource they route is described, with exactly the query parameters they read and the media types they write.
 * A route or a parameter that drifts on either side fails here.
 */
@QuarkusTest
class SdmxOpenApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::\\s*([^}]*))?}");
    /**
     * What the suite reads beyond the official description of an operation (docs/sdmx.md says why): the format
     * parameter of every query (not in SDMX REST's descriptions; Accept is its standard way), and these.
     */
    private static final String FORMAT = "format";
    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "/sdmx/2.1/data/{flow}/{key}/{provider}", Set.of("asOf"),
            "/sdmx/3.0/data/{context}/{agencyID}/{resourceID}/{version}/{key}", Set.of("startPeriod", "endPeriod",
                    "detail"));

    private static JsonNode served;

    /** Read once, before the first test (not in a static @BeforeAll: the application is not listening yet then). */
    @BeforeEach
    void read() throws IOException {
        if (served == null) {
            served = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        }
    }

    private static JsonNode official(String api) throws IOException {
        String version = api.equals("2.1") ? "1.5.0" : "2.2.2";
        return YAML.readTree(SdmxSchemas.standards().resolve("sdmx-rest").resolve(version).resolve("sdmx-rest.yaml").toFile());
    }

    /** The SDMX paths of the served document, without their API base, by API. */
    private static Map<String, JsonNode> sdmxOperations(String api) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = served.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/sdmx/" + api + "/")) {
                operations.put(path.getKey(), path.getValue().path("get"));
            }
        }
        return operations;
    }

    @Test
    void every_sdmx_path_is_a_path_template_of_the_official_description() throws IOException {
        for (Iterator<String> paths = served.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            if (path.startsWith("/sdmx")) {
                assertThat(path).matches("/sdmx/(2\\.1|3\\.0)/.+");
            }
        }
        for (String api : new String[] {"2.1", "3.0"}) {
            JsonNode official = official(api);
            Map<String, JsonNode> operations = sdmxOperations(api);
            assertThat(operations).as("SDMX %s routes", api).isNotEmpty();
            for (String path : operations.keySet()) {
                String template = path.substring(("/sdmx/" + api).length());
                assertThat(official.path("paths").has(template)).as("%s is a path of SDMX REST's description", path).isTrue();
                assertThat(served.path("paths").path(path).size()).as("%s: GET only", path).isEqualTo(1);
            }
        }
    }

    @Test
    void every_parameter_is_one_of_the_official_operation_or_a_named_extension() throws IOException {
        for (String api : new String[] {"2.1", "3.0"}) {
            JsonNode official = official(api);
            for (Map.Entry<String, JsonNode> operation : sdmxOperations(api).entrySet()) {
                String template = operation.getKey().substring(("/sdmx/" + api).length());
                Set<String> officialNames = names(official, official.path("paths").path(template).path("get"), null);
                Set<String> servedNames = names(served, operation.getValue(), null);
                Set<String> extra = new TreeSet<>(servedNames);
                extra.removeAll(officialNames);
                Set<String> extensions = new TreeSet<>(EXTENSIONS.getOrDefault(operation.getKey(), Set.of()));
                extensions.add(FORMAT);
                assertThat(extra).as("%s: parameters SDMX REST does not define", operation.getKey()).isEqualTo(extensions);
                assertThat(names(served, operation.getValue(), "path")).as("%s: path parameters", operation.getKey())
                        .isEqualTo(names(official, official.path("paths").path(template).path("get"), "path"))
                        .isEqualTo(variables(template));
            }
        }
    }

    @Test
    void data_queries_describe_exactly_the_parameters_the_data_resource_reads() {
        assertThat(queryNames("/sdmx/2.1/data/{flow}/{key}/{provider}")).isEqualTo(new TreeSet<>(SdmxDataRequest.PARAMETERS_21));
        // c[COMPONENT] is a map (deepObject) that breaks the generated Java client: it is described in the text
        assertThat(queryNames("/sdmx/3.0/data/{context}/{agencyID}/{resourceID}/{version}/{key}"))
                .isEqualTo(new TreeSet<>(SdmxDataRequest.PARAMETERS_30));
        assertThat(operation("/sdmx/3.0/data/{context}/{agencyID}/{resourceID}/{version}/{key}").path("description").asText())
                .contains("c[DIM]=A,B", "c[TIME_PERIOD]=ge:2017+le:2020");
    }

    @Test
    void structure_and_availability_queries_describe_every_resource_routed_and_the_parameters_read() throws Exception {
        Method structure21 = method("structure21");
        Set<String> resources21 = alternatives(structure21, "resource");
        for (String resource : resources21) {
            assertThat(queryNames("/sdmx/2.1/" + resource + "/{agencyID}/{resourceID}/{version}"))
                    .as(resource).isEqualTo(queryParams(structure21));
        }
        for (String scheme : new String[] {"codelist", "conceptscheme", "agencyscheme"}) {
            assertThat(resources21).contains(scheme);
            assertThat(queryNames("/sdmx/2.1/" + scheme + "/{agencyID}/{resourceID}/{version}/{itemID}"))
                    .isEqualTo(queryParams(structure21));
        }
        long structurePaths21 = sdmxOperations("2.1").keySet().stream()
                .filter(p -> !p.startsWith("/sdmx/2.1/data/") && !p.startsWith("/sdmx/2.1/availableconstraint/")).count();
        assertThat(structurePaths21).as("no 2.1 structure path the resource does not route").isEqualTo(resources21.size() + 3);

        Method structure30 = method("structure30");
        Set<String> types30 = alternatives(structure30, "type");
        JsonNode typeEnum = parameter("/sdmx/3.0/structure/{structureType}/{agencyID}/{resourceID}/{version}", "structureType")
                .path("schema").path("enum");
        assertThat(texts(typeEnum)).isEqualTo(types30.stream().map(t -> t.replace("\\*", "*")).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(queryNames("/sdmx/3.0/structure/{structureType}/{agencyID}/{resourceID}/{version}")).isEqualTo(queryParams(structure30));
        assertThat(queryNames("/sdmx/3.0/structure/{itemSchemeType}/{agencyID}/{resourceID}/{version}/{itemID}"))
                .isEqualTo(queryParams(structure30));

        assertThat(queryNames("/sdmx/2.1/availableconstraint/{flow}/{key}/{provider}/{componentID}"))
                .isEqualTo(queryParams(method("available21")));
        assertThat(queryNames("/sdmx/3.0/availability/{context}/{agencyID}/{resourceID}/{version}/{key}/{componentID}"))
                .isEqualTo(queryParams(method("available30")));
    }

    @Test
    void answers_are_the_media_types_written_and_errors_are_sdmx_error_messages() {
        Set<String> structures = Set.of(SdmxFormat.STRUCTURE_ML_21.mediaType(), SdmxFormat.STRUCTURE_JSON_20.mediaType());
        Set<String> data = Arrays.stream(DataFormat.values()).filter(f -> f.version() != null)
                .map(f -> f.mediaType().getType() + "/" + f.mediaType().getSubtype() + ";version=" + f.version())
                .collect(Collectors.toSet());
        for (String api : new String[] {"2.1", "3.0"}) {
            for (Map.Entry<String, JsonNode> operation : sdmxOperations(api).entrySet()) {
                boolean isData = operation.getKey().startsWith("/sdmx/" + api + "/data/");
                JsonNode responses = resolve(served, operation.getValue().path("responses"));
                assertThat(fieldNames(resolve(served, responses.path("200")).path("content")))
                        .as("%s: 200", operation.getKey()).isEqualTo(isData ? data : structures);
                for (String status : new String[] {"400", "404", "406"}) {
                    assertThat(fieldNames(resolve(served, responses.path(status)).path("content")))
                            .as("%s: %s", operation.getKey(), status).containsExactlyInAnyOrder("application/xml", "application/json");
                }
                if (isData) {
                    assertThat(responses.has("413")).as(operation.getKey()).isTrue();
                }
                assertThat(operation.getValue().path("tags").get(0).asText()).isEqualTo("SDMX");
            }
        }
        assertThat(operation("/sdmx/3.0/data/{context}/{agencyID}/{resourceID}/{version}/{key}").path("responses").has("204")).isTrue();
    }

    @Test
    void the_fallback_and_the_jax_rs_templates_of_the_sdmx_resources_stay_out() {
        for (Iterator<String> paths = served.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            assertThat(path).doesNotContain("{rest}").isNotEqualTo("/sdmx");
        }
        assertThat(served.path("paths").has("/api/v1/measures/{code}/template.xlsx")).isTrue();
    }

    // --- reading the documents and the resources ------------------------------------------------------------

    private static JsonNode operation(String path) {
        return served.path("paths").path(path).path("get");
    }

    private static JsonNode parameter(String path, String name) {
        for (JsonNode parameter : operation(path).path("parameters")) {
            JsonNode p = resolve(served, parameter);
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(path + " has no parameter " + name);
    }

    private static Set<String> queryNames(String path) {
        assertThat(served.path("paths").has(path)).as(path).isTrue();
        return names(served, operation(path), "query");
    }

    /** The names of an operation's parameters (all, or those in one place), $refs followed. */
    private static Set<String> names(JsonNode document, JsonNode operation, String in) {
        Set<String> names = new TreeSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = resolve(document, parameter);
            if (in == null || p.path("in").asText().equals(in)) {
                names.add(p.path("name").asText());
            }
        }
        return names;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(document, target);
    }

    private static Set<String> variables(String template) {
        Set<String> names = new TreeSet<>();
        Matcher variable = PATH_VARIABLE.matcher(template);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static Method method(String name) {
        return Arrays.stream(StructureResource.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The query parameters a resource method reads. */
    private static Set<String> queryParams(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }

    /** The alternatives of a path variable's regular expression ({@code {resource: a|b|c}}). */
    private static Set<String> alternatives(Method method, String variable) {
        Matcher matcher = PATH_VARIABLE.matcher(method.getAnnotation(Path.class).value());
        while (matcher.find()) {
            if (matcher.group(1).trim().equals(variable)) {
                return new TreeSet<>(Arrays.asList(matcher.group(2).trim().split("\\|")));
            }
        }
        throw new AssertionError(method + " has no variable " + variable);
    }
}
