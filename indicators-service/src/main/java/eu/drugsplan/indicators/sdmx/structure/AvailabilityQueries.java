package eu.drugsplan.indicators.sdmx.structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.sdmx.structure.Structures.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What data the store holds, per series with at least one observation (a deleted observation is gone from
 * {@code observation}, so a series whose values were all deleted has no data): the source of the actual content
 * constraints and of availability queries.
 */
@ApplicationScoped
public class AvailabilityQueries {

    /** One series with data: its codes and the first and last period it has. */
    public record SeriesWithData(String measure, String area, Map<String, String> dimensions, String firstPeriod,
                                 String lastPeriod, long observations) {
    }

    private static final TypeReference<Map<String, String>> CODES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public AvailabilityQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<SeriesWithData> series() {
        List<Object[]> rows = em.createNativeQuery("select s.measure, s.area, s.dimensions::text, min(o.period), "
                + "max(o.period), count(*) from series s join observation o on o.series_id = s.id "
                + "group by s.id, s.measure, s.area, s.dimensions::text").getResultList();
        List<SeriesWithData> series = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            try {
                series.add(new SeriesWithData((String) r[0], (String) r[1], json.readValue((String) r[2], CODES),
                        (String) r[3], (String) r[4], ((Number) r[5]).longValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable dimensions of a series of " + r[0], e);
            }
        }
        return series;
    }

    /** The availability of every measure with data among these series, dimensions in key order, codes sorted. */
    public static Map<String, Availability> aggregate(Catalogue catalogue, List<SeriesWithData> series,
                                                      Predicate<SeriesWithData> filter) {
        Map<String, Map<String, Set<String>>> values = new LinkedHashMap<>();
        Map<String, String[]> range = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (SeriesWithData s : series) {
            MeasureView m = catalogue.measures().get(s.measure());
            if (m == null || !filter.test(s)) {
                continue;
            }
            Map<String, Set<String>> v = values.computeIfAbsent(s.measure(), k -> {
                Map<String, Set<String>> byDimension = new LinkedHashMap<>();
                byDimension.put(Structures.REF_AREA, new TreeSet<>());
                m.dimensions().forEach(d -> byDimension.put(d, new TreeSet<>()));
                return byDimension;
            });
            v.get(Structures.REF_AREA).add(s.area());
            for (String d : m.dimensions()) {
                String code = s.dimensions().get(d);
                if (code != null) {
                    v.get(d).add(code);
                }
            }
            String[] r = range.computeIfAbsent(s.measure(), k -> new String[] {s.firstPeriod(), s.lastPeriod()});
            if (s.firstPeriod().compareTo(r[0]) < 0) {
                r[0] = s.firstPeriod();
            }
            if (s.lastPeriod().compareTo(r[1]) > 0) {
                r[1] = s.lastPeriod();
            }
            long[] c = counts.computeIfAbsent(s.measure(), k -> new long[2]);
            c[0]++;
            c[1] += s.observations();
        }
        Map<String, Availability> availability = new LinkedHashMap<>();
        values.forEach((measure, v) -> availability.put(measure, new Availability(v, range.get(measure)[0],
                range.get(measure)[1], counts.get(measure)[0], counts.get(measure)[1])));
        return availability;
    }
}
