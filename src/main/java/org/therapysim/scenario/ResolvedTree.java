package org.therapysim.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A scenario as a YAML tree after {@code extends} and the built-in defaults have been merged in,
 * before it is bound to {@link Scenario}. It remembers which file set each key, so that an error
 * can name the file the user has to edit.
 *
 * @param tree the merged tree (never mutated after construction)
 * @param origins for each key path set by a file, that file's label
 * @param label the file this tree was loaded from (used when no origin is known)
 */
public record ResolvedTree(ObjectNode tree, Map<String, String> origins, String label) {
    public ResolvedTree {
        origins = Map.copyOf(origins);
    }

    /** @return the label of the file that set {@code path}, or of the nearest enclosing key */
    public String originOf(final String path) {
        String p = path;
        while (!p.isEmpty()) {
            final String origin = origins.get(p);
            if (origin != null) {
                return origin;
            }
            final int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return label;
    }
}
