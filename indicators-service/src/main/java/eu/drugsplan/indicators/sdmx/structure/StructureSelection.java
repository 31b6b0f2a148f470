package eu.drugsplan.indicators.sdmx.structure;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.SdmxException;
import eu.drugsplan.indicators.sdmx.SdmxNegotiation;
import eu.drugsplan.indicators.sdmx.structure.StructureQuery.Detail;
import eu.drugsplan.indicators.sdmx.structure.Structures.Artefact;
import eu.drugsplan.indicators.sdmx.structure.Structures.Item;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a structure query answers (SDMX REST 1.5.0 4.3, 2.x "Structure queries"): the artefacts it matches, the
 * ones {@code references} adds, and for each whether it is written whole, as a stub or a complete stub, and which
 * of its items ({@code itemID}, {@code detail=referencepartial}).
 */
public final class StructureSelection {

    /** One artefact to write; items null means all of them. */
    public record Entry(Artefact artefact, boolean stub, boolean completeStub, List<Item> items, boolean partial) {
    }

    private StructureSelection() {
    }

    public static List<Entry> select(Structures structures, StructureQuery query) {
        List<Artefact> matched = structures.artefacts().stream()
                .filter(a -> query.types().contains(a.type()))
                .filter(a -> query.agencies().isEmpty() || query.agencies().contains(a.agency()))
                .filter(a -> query.ids().isEmpty() || query.ids().contains(a.id()))
                .filter(a -> query.versions().stream().anyMatch(v -> versionMatches(v, a)))
                .toList();
        Map<Artefact, List<Item>> itemsOf = new LinkedHashMap<>();
        if (!query.items().isEmpty()) {
            matched = withItems(structures, matched, query.items(), itemsOf);
        }
        if (matched.isEmpty()) {
            throw SdmxException.noResults("No structure matches this query.");
        }
        Set<Artefact> referenced = new LinkedHashSet<>();
        for (Artefact a : matched) {
            referenced.addAll(references(structures, a, query.references()));
        }
        referenced.removeAll(matched);
        List<Entry> entries = new ArrayList<>();
        Detail detail = query.detail();
        for (Artefact a : matched) {
            boolean stub = detail == Detail.ALLSTUBS || detail == Detail.ALLCOMPLETESTUBS;
            List<Item> items = itemsOf.get(a);
            entries.add(new Entry(a, stub, detail == Detail.ALLCOMPLETESTUBS, items, items != null));
        }
        Set<String> measures = measuresOf(matched);
        for (Artefact a : referenced) {
            entries.add(referencedEntry(structures, a, detail, measures));
        }
        entries.sort(Comparator.comparing(e -> e.artefact().type()));
        return entries;
    }

    /**
     * The item schemes among the matched that hold one of the asked items, with those items; the suite's item ids
     * are all top-level (flat): an itemID gives that item alone (SDMX REST).
     */
    private static List<Artefact> withItems(Structures structures, List<Artefact> matched, List<String> asked,
                                            Map<Artefact, List<Item>> itemsOf) {
        List<Artefact> withItems = new ArrayList<>();
        for (Artefact a : matched) {
            if (!a.type().isItemScheme()) {
                continue;
            }
            List<Item> items = structures.items(a).stream().filter(i -> asked.contains(i.id())).toList();
            if (!items.isEmpty()) {
                itemsOf.put(a, items);
                withItems.add(a);
            }
        }
        return withItems;
    }

    private static Set<String> measuresOf(List<Artefact> matched) {
        Set<String> measures = new LinkedHashSet<>();
        for (Artefact a : matched) {
            if (a.measure() != null) {
                measures.add(a.measure());
            }
        }
        return measures;
    }

    private static Entry referencedEntry(Structures structures, Artefact a, Detail detail, Set<String> measures) {
        boolean stub = detail != Detail.FULL && detail != Detail.REFERENCEPARTIAL && detail != Detail.RAW;
        boolean complete = detail == Detail.ALLCOMPLETESTUBS || detail == Detail.REFERENCECOMPLETESTUBS;
        List<Item> items = null;
        if (detail == Detail.REFERENCEPARTIAL && a.type().isItemScheme() && !measures.isEmpty()) {
            items = partialItems(structures, a, measures);
        }
        return new Entry(a, stub, complete, items, items != null);
    }

    private static boolean versionMatches(String asked, Artefact a) {
        if (asked.equals("all") || asked.equals("latest") || asked.equals("*") || asked.equals("~") || asked.equals("+")) {
            return true;
        }
        String version = a.type() == ArtefactType.AGENCY_SCHEME ? SdmxIds.AGENCY_SCHEME_VERSION : SdmxIds.VERSION;
        return SdmxIds.isOurVersion(asked) || SdmxNegotiation.versionMatches(asked, version);
    }

    private static List<Item> withAncestors(List<Item> all, List<String> wanted) {
        Map<String, Item> byId = new LinkedHashMap<>();
        all.forEach(i -> byId.put(i.id(), i));
        Set<String> keep = new LinkedHashSet<>();
        for (String id : wanted) {
            for (Item i = byId.get(id); i != null && keep.add(i.id()); i = i.parent() == null ? null : byId.get(i.parent())) {
                // the item and its ancestors (SDMX REST: a nested item comes with its parents)
            }
        }
        return all.stream().filter(i -> keep.contains(i.id())).toList();
    }

    private static List<Item> partialItems(Structures structures, Artefact a, Set<String> measures) {
        return switch (a.type()) {
            case CODELIST -> {
                Set<String> used = structures.usedCodes(a, measures);
                // a code list no data of these measures uses yet is written whole: partial to nothing says nothing
                yield used.isEmpty() ? null : withAncestors(structures.items(a), List.copyOf(used));
            }
            case CONCEPT_SCHEME -> {
                Set<String> used = structures.usedConcepts(measures);
                yield structures.items(a).stream().filter(i -> used.contains(i.id())).toList();
            }
            default -> null;
        };
    }

    static Set<Artefact> references(Structures structures, Artefact a, String references) {
        Set<Artefact> out = new LinkedHashSet<>();
        for (String ref : references.split(",")) {
            switch (ref) {
                case "none" -> {
                }
                case "parents" -> out.addAll(structures.parents(a));
                case "parentsandsiblings" -> {
                    for (Artefact parent : structures.parents(a)) {
                        out.add(parent);
                        out.addAll(structures.children(parent));
                    }
                }
                case "ancestors" -> out.addAll(closure(structures, a, false));
                case "children" -> out.addAll(structures.children(a));
                case "descendants" -> out.addAll(closure(structures, a, true));
                case "all" -> {
                    out.addAll(references(structures, a, "parentsandsiblings"));
                    out.addAll(closure(structures, a, true));
                }
                default -> {
                    // a concrete type: the artefacts of that type among everything related, up or down
                    Set<Artefact> related = new LinkedHashSet<>(closure(structures, a, true));
                    related.addAll(closure(structures, a, false));
                    for (Artefact r : related) {
                        if (ref.equals(r.type().resource21()) || ref.equals(r.type().resource30())
                                || ref.equals("dataconstraint") && r.type() == ArtefactType.CONSTRAINT) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        out.remove(a);
        return out;
    }

    private static Set<Artefact> closure(Structures structures, Artefact start, boolean down) {
        Set<Artefact> seen = new LinkedHashSet<>();
        Deque<Artefact> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            Artefact a = todo.poll();
            for (Artefact next : down ? structures.children(a) : structures.parents(a)) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }
}
