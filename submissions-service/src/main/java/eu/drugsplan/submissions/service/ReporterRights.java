package eu.drugsplan.submissions.service;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.contracts.catalogue.ReporterKind;
import jakarta.ws.rs.core.Response;

/**
 * What one reporter may submit: a Member State or Reitox partner reports the measures open to Member States,
 * for its own country and the sub-national areas under it; an agency reports the measures that name it as a
 * source, for any area.
 */
public record ReporterRights(String reporter, ReporterKind kind, Catalogue catalogue) {

    public static ReporterRights of(String reporter, Catalogue catalogue) {
        ReporterKind kind = catalogue.reporter(reporter).orElseThrow(() -> new ProblemException(
                Problems.of(Response.Status.FORBIDDEN, "reporter-unknown",
                        "The token's reporter '" + reporter + "' is not a reporter of the catalogue.")));
        return new ReporterRights(reporter, kind, catalogue);
    }

    public boolean isAgency() {
        return kind == ReporterKind.AGENCY;
    }

    public boolean maySubmit(Catalogue.Measure measure) {
        return isAgency() ? measure.agencies().contains(reporter) : measure.memberStates();
    }

    public boolean mayReportFor(String area) {
        if (isAgency() || reporter.equals(area)) {
            return true;
        }
        Catalogue.Code code = catalogue.codes(Catalogue.REF_AREA).get(area);
        return code != null && reporter.equals(code.parent());
    }
}
