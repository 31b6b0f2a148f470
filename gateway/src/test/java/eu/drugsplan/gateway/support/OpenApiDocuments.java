package eu.drugsplan.gateway.support;

/**
 * Small OpenAPI documents shaped like the ones the services generate (Quarkus SmallRye OpenAPI, 3.1.0): each
 * declares a schema named "Summary", different in each service, to check that merging keeps both apart.
 */
final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    static String of(String service) {
        return switch (service) {
            case "indicators" -> """
                    {"openapi":"3.1.0","info":{"title":"Indicators API","version":"1"},
                     "tags":[{"name":"Catalogue","description":"The twelve indicators"},
                       {"name":"Internal","description":"Service to service"}],
                     "paths":{"/api/v1/indicators":{"get":{"summary":"The twelve indicators","tags":["Catalogue"],
                       "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"array",
                         "items":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                      "/internal/v1/outcomes":{"get":{"tags":["Internal"],"responses":{"200":{"description":"OK","content":{
                        "application/json":{"schema":{"$ref":"#/components/schemas/OutcomeView"}}}}}}},
                      "/q/health":{"get":{"responses":{"200":{"description":"OK"}}}}},
                     "components":{"schemas":{"Summary":{"type":"object","properties":{"code":{"type":"string"}}},
                       "OutcomeView":{"type":"object","properties":{"at":{"$ref":"#/components/schemas/Instant"}}},
                       "Instant":{"type":"string","format":"date-time"}}}}""";
            case "submissions" -> """
                    {"openapi":"3.1.0","info":{"title":"Submissions API","version":"1"},
                     "tags":[{"name":"Submissions","description":"Sending data"}],
                     "paths":{"/api/v1/submissions":{"post":{"summary":"Submit","tags":["Submissions"],
                       "requestBody":{"content":{"application/json":{"schema":{"type":"object"}}},"required":true},
                       "responses":{"201":{"description":"Created","content":{"application/json":{"schema":
                         {"$ref":"#/components/schemas/Summary"}}}},"401":{"description":"Not Authorized"}},
                       "security":[{"SecurityScheme":["submitter"]}]}}},
                     "components":{"schemas":{"Summary":{"type":"object","properties":{"accepted":{"type":"integer"}}},
                       "Instant":{"type":"string","format":"date-time"}},
                      "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}""";
            default -> """
                    {"openapi":"3.1.0","info":{"title":"Reporting API","version":"1"},
                     "tags":[{"name":"Trends","description":"Trends per series"}],
                     "paths":{"/api/v1/trends/{measure}":{"get":{"tags":["Trends"],
                       "parameters":[{"name":"measure","in":"path","required":true,"schema":{"type":"string"}}],
                       "responses":{"200":{"description":"OK"}}}}}}""";
        };
    }
}
