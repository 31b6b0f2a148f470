package eu.drugsplan.indicators.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.indicators.rest.CatalogueViews.ActionView;
import eu.drugsplan.indicators.rest.CatalogueViews.CodeView;
import eu.drugsplan.indicators.rest.CatalogueViews.CodelistView;
import eu.drugsplan.indicators.rest.CatalogueViews.IndicatorView;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.rest.CatalogueViews.PriorityView;
import eu.drugsplan.indicators.rest.CatalogueViews.ReporterView;
import eu.drugsplan.indicators.rest.CatalogueViews.ReportersView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the catalogue tables written by the migrations into one snapshot. */
@ApplicationScoped
public class CatalogueLoader {

    private final EntityManager em;
    private final ObjectMapper json;

    public CatalogueLoader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String currentVersion() {
        Object rank = em.createNativeQuery("select max(installed_rank) from flyway_schema_history where success")
                .getSingleResult();
        return "v" + rank;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Catalogue load() {
        String version = currentVersion();
        Map<String, MeasureView> measures = measures();
        Map<String, IndicatorView> indicators = indicators(measures);
        return new Catalogue(version, indicators, measures, codelists(), reporters());
    }

    private Map<String, IndicatorView> indicators(Map<String, MeasureView> measures) {
        Map<String, List<String>> sources = grouped("select indicator_code, source from indicator_source order by indicator_code, position");
        Map<String, List<PriorityView>> priorities = new LinkedHashMap<>();
        for (Object[] r : rows("select ip.indicator_code, p.code, p.section, p.title from indicator_priority ip "
                + "join strategic_priority p on p.code = ip.priority_code order by ip.indicator_code, p.position")) {
            priorities.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new PriorityView((String) r[1], (String) r[2], (String) r[3]));
        }
        Map<String, List<ActionView>> actions = new LinkedHashMap<>();
        for (Object[] r : rows("select ia.indicator_code, a.number, a.priority_code, a.text, a.responsible from indicator_action ia "
                + "join action a on a.number = ia.action_number order by ia.indicator_code, a.number")) {
            actions.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new ActionView(((Number) r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4]));
        }
        Map<String, IndicatorView> indicators = new LinkedHashMap<>();
        for (Object[] r : rows("select code, title, annex_text from indicator order by position")) {
            String code = (String) r[0];
            indicators.put(code, new IndicatorView(code, (String) r[1], (String) r[2],
                    sources.getOrDefault(code, List.of()), priorities.getOrDefault(code, List.of()),
                    actions.getOrDefault(code, List.of()),
                    measures.values().stream().filter(m -> m.indicator().equals(code)).toList()));
        }
        return indicators;
    }

    private Map<String, MeasureView> measures() {
        Map<String, List<String>> dimensions = grouped("select measure_code, codelist_id from measure_dimension order by measure_code, position");
        Map<String, Map<String, String>> headlines = new LinkedHashMap<>();
        for (Object[] r : rows("select measure_code, codelist_id, headline_code from measure_dimension "
                + "where headline_code is not null order by measure_code, position")) {
            headlines.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (String) r[2]);
        }
        Map<String, List<String>> agencies = grouped("select measure_code, reporter_code from measure_agency order by measure_code, reporter_code");
        Map<String, Plausibility> plausibility = PlausibilityRows.read(this::rows);
        Map<String, MeasureView> measures = new LinkedHashMap<>();
        for (Object[] r : rows("select m.code, m.indicator_code, m.name, m.description, m.unit, m.unit_kind, m.frequency, "
                + "m.desired_direction, m.eu_total_rule, m.stable_band_percent, m.member_states_report, m.source, "
                + "m.reviewing_body, m.release_on_submission from measure m "
                + "join indicator i on i.code = m.indicator_code order by i.position, m.position")) {
            String code = (String) r[0];
            measures.put(code, new MeasureView(code, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], String.valueOf(r[6]), (String) r[7], (String) r[8], (BigDecimal) r[9],
                    dimensions.getOrDefault(code, List.of()), headlines.getOrDefault(code, Map.of()),
                    new ReportersView((Boolean) r[10], agencies.getOrDefault(code, List.of())), (String) r[12],
                    (Boolean) r[13], (String) r[11], plausibility.get(code)));
        }
        return measures;
    }

    private Map<String, CodelistView> codelists() {
        Map<String, List<CodeView>> codes = new LinkedHashMap<>();
        for (Object[] r : rows("select codelist_id, code, label, parent_code, properties::text from code order by codelist_id, position, code")) {
            codes.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new CodeView((String) r[1], (String) r[2], (String) r[3], properties((String) r[4])));
        }
        Map<String, CodelistView> codelists = new LinkedHashMap<>();
        for (Object[] r : rows("select id, name, description from codelist order by id")) {
            String id = (String) r[0];
            codelists.put(id, new CodelistView(id, (String) r[1], (String) r[2], codes.getOrDefault(id, List.of())));
        }
        return codelists;
    }

    private List<ReporterView> reporters() {
        return rows("select code, name, kind from reporter order by kind desc, code").stream()
                .map(r -> new ReporterView((String) r[0], (String) r[1], (String) r[2]))
                .toList();
    }

    private Map<String, List<String>> grouped(String sql) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Object[] r : rows(sql)) {
            grouped.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return grouped;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private JsonNode properties(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue properties are not JSON: " + text, e);
        }
    }
}
