package org.therapysim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.therapysim.TherapysimException;

/**
 * Reads scenario and study files. A scenario file is YAML merged over the built-in defaults
 * ({@code defaults.yaml}, every value documented in docs/MODEL.md); it may {@code extends:} another
 * scenario file (path relative to itself), whose keys it overrides: mappings merge key by key,
 * lists and plain values are replaced. A study file has {@code arms:}, a list of scenario files or
 * inline scenarios, the first being the reference; its arms must share the settings every row of
 * the comparison is labelled with ({@link Study#SHARED_SETTINGS}).
 *
 * <p>Every problem ends in one {@link TherapysimException} with exit code 2 whose message names
 * the file, the key path, the value and the rule.
 */
public final class ScenarioLoader {
    private static final String DEFAULTS_RESOURCE = "defaults.yaml";
    private static final String DEFAULTS_LABEL = "built-in defaults";
    private static final String EXTENDS = "extends";
    private static final String PSA = "psa";
    // A key part may hold dashes: measures are named as published (PHQ-9, GAD-7).
    private static final Pattern KEY_PART = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)((\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    private final ObjectMapper yaml;
    private final ObjectNode defaults;

    public ScenarioLoader() {
        this.yaml = newYamlMapper();
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            this.defaults = (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in defaults", e);
        }
    }

    /** @return a YAML mapper configured as strictly as scenarios are read (also used to write them) */
    public static ObjectMapper newYamlMapper() {
        return YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Reads and validates one scenario file. */
    public Scenario load(final Path file) {
        return bind(resolve(file));
    }

    /**
     * Reads a study file, or a single scenario file as a study of one arm.
     *
     * @param file the study or scenario
     */
    public Study loadStudy(final Path file) {
        return loadStudy(file, read(file));
    }

    private Study loadStudy(final Path file, final JsonNode root) {
        if (!root.has("arms")) {
            final Study single = Study.of(load(file));
            return root.has(PSA) ? single.withUncertain(uncertain(root.get(PSA), file.toString(), single.reference()))
                    : single;
        }
        return bindStudy((ObjectNode) root, file);
    }

    /** Reads several scenario or study files as one study: their arms in order, the first the reference. */
    public Study loadStudies(final List<Path> files) {
        if (files.size() == 1) {
            return loadStudy(files.get(0));
        }
        final List<Scenario> arms = new ArrayList<>();
        // Where each arm came from: its file, and how its keys are written there.
        final List<String> fileOf = new ArrayList<>();
        final List<String> prefixOf = new ArrayList<>();
        for (final Path file : files) {
            final JsonNode root = read(file);
            final List<Scenario> own = loadStudy(file, root).arms();
            for (int j = 0; j < own.size(); j++) {
                arms.add(own.get(j));
                fileOf.add(file.toString());
                prefixOf.add(root.has("arms") ? "arms[" + j + "]." : "");
            }
        }
        requireSharedSettings(arms, fileOf::get, prefixOf::get,
                i -> "arm \"" + arms.get(i).name() + "\" (" + fileOf.get(i) + ")", "arm", "");
        final Scenario reference = arms.get(0);
        return wrap(files.get(0).toString(), "", () -> new Study("comparison", "Comparison of "
                + arms.stream().map(Scenario::name).toList(), arms, reference.simulation().replications(),
                reference.simulation().seed()));
    }

    /**
     * Refuses arms that do not share the settings each comparison is labelled with once
     * ({@link Study#SHARED_SETTINGS}), naming the first that differs, its value and the reference's.
     *
     * @param label what the message names first (a file, or a command)
     * @param arms the arms, the first the reference
     * @param noun what an arm is called in the message ("arm", "design point")
     * @param advice what to do instead, appended to the rule (may be empty)
     * @throws TherapysimException with exit code 2
     */
    public static void requireSharedSettings(final String label, final List<Scenario> arms, final String noun,
            final String advice) {
        requireSharedSettings(arms, i -> label, i -> "", i -> noun + " \"" + arms.get(i).name() + "\"", noun,
                advice);
    }

    /**
     * @param fileOf the file to name for arm i
     * @param prefixOf how arm i's keys are written in that file ("" or "arms[1].")
     * @param nameOf how arm i is called in the rule
     */
    private static void requireSharedSettings(final List<Scenario> arms, final IntFunction<String> fileOf,
            final IntFunction<String> prefixOf, final IntFunction<String> nameOf, final String noun,
            final String advice) {
        final Study.Difference d = Study.firstDifference(arms);
        if (d == null) {
            return;
        }
        throw invalid(fileOf.apply(d.arm()), prefixOf.apply(d.arm()) + d.key(), shown(d.value()),
                "must be the same in every " + noun + ": " + nameOf.apply(d.arm()) + " has " + shown(d.value())
                + " but the reference " + nameOf.apply(0) + " has " + shown(d.reference()) + "; " + noun
                + "s are compared in one analysis, so they must share simulation.weeks and the evaluation horizon, "
                + "discount rate, willingness to pay (and its range), currency and price year"
                + (advice.isEmpty() ? "" : "; " + advice));
    }

    /** @return a setting's value as written in YAML (a whole amount without a decimal point) */
    private static String shown(final Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    /** Reads and validates a file of published targets (no defaults apply: every key is written out). */
    public TargetFile loadTargets(final Path file) {
        final JsonNode root = read(file);
        // Optional keys: a missing free list is empty, a target without a reference is a plain one.
        if (root instanceof ObjectNode object) {
            if (!object.has("free")) {
                object.putArray("free");
            }
            if (object.get("targets") instanceof ArrayNode targets) {
                for (final JsonNode target : targets) {
                    if (target instanceof ObjectNode t && !t.has("reference")) {
                        t.put("reference", "");
                    }
                }
            }
        }
        try {
            return yaml.treeToValue(root, TargetFile.class);
        } catch (JsonMappingException e) {
            throw translate(e, root, TargetFile.class, path -> file.toString(), "");
        } catch (JsonProcessingException e) {
            throw TherapysimException.invalidInput(file + ": " + e.getOriginalMessage());
        }
    }

    /** @return the path of a file named inside {@code file}, relative to {@code file}'s folder */
    public static Path sibling(final Path file, final String name) {
        return resolveRelative(file, name);
    }

    /** Merges a scenario file with what it extends and the defaults, without binding it. */
    public ResolvedTree resolve(final Path file) {
        final Map<String, String> origins = new HashMap<>();
        final ObjectNode merged = defaults.deepCopy();
        merge(merged, resolveChain(file, new ArrayDeque<>(), origins), "", null, origins);
        return new ResolvedTree(merged, origins, file.toString());
    }

    /**
     * Sets one key of a resolved tree (for sweeps and command-line overrides).
     *
     * @param key dotted key path, e.g. {@code plan.sessionCap.sessions}; list items as {@code conditions[0].share}
     * @param rawValue the value as it would be written in YAML
     * @param label what to call the source of the value in error messages
     */
    public ResolvedTree override(final ResolvedTree base, final String key, final String rawValue, final String label) {
        final ObjectNode copy = base.tree().deepCopy();
        final List<Object> steps = parsePath(key, label);
        JsonNode node = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            node = child(node, steps.get(i));
            if (node == null || !node.isContainerNode()) {
                throw invalid(label, key, rawValue, "unknown key: " + pathOf(steps.subList(0, i + 1)) + " does not exist");
            }
        }
        final Object last = steps.get(steps.size() - 1);
        if (child(node, last) == null) {
            throw invalid(label, key, rawValue, "unknown key");
        }
        final JsonNode value;
        try {
            value = yaml.readTree(rawValue.isEmpty() ? "\"\"" : rawValue);
        } catch (JsonProcessingException e) {
            throw invalid(label, key, rawValue, "must be a YAML value");
        }
        if (last instanceof String field) {
            ((ObjectNode) node).set(field, value);
        } else {
            ((ArrayNode) node).set((Integer) last, value);
        }
        final Map<String, String> origins = new HashMap<>(base.origins());
        origins.put(key, label);
        return new ResolvedTree(copy, origins, base.label());
    }

    /** Binds a resolved tree to a validated scenario. */
    public Scenario bind(final ResolvedTree resolved) {
        try {
            return yaml.treeToValue(resolved.tree(), Scenario.class);
        } catch (JsonMappingException e) {
            throw translate(e, resolved.tree(), Scenario.class, resolved::originOf, "");
        } catch (JsonProcessingException e) {
            throw TherapysimException.invalidInput(resolved.label() + ": " + e.getOriginalMessage());
        }
    }

    /** @return the default scenario (every value from the built-in defaults) */
    public Scenario defaultScenario() {
        return bind(defaultTree());
    }

    /** @return the built-in defaults as a resolved tree, to override key by key */
    public ResolvedTree defaultTree() {
        return new ResolvedTree(defaults.deepCopy(), Map.of(), DEFAULTS_LABEL);
    }

    private Study bindStudy(final ObjectNode root, final Path file) {
        final String label = file.toString();
        final Iterator<String> names = root.fieldNames();
        final List<String> allowed = List.of("study", "description", "replications", "seed", "arms", PSA);
        while (names.hasNext()) {
            final String key = names.next();
            if (!allowed.contains(key)) {
                throw invalid(label, key, root.get(key), "unknown key in a study (allowed: " + allowed + ")");
            }
        }
        final JsonNode armsNode = root.get("arms");
        if (!armsNode.isArray() || armsNode.isEmpty()) {
            throw invalid(label, "arms", armsNode, "must be a non-empty list of scenario files or scenarios");
        }
        final List<Scenario> arms = new ArrayList<>();
        final List<String> named = new ArrayList<>();
        for (int i = 0; i < armsNode.size(); i++) {
            final JsonNode arm = armsNode.get(i);
            if (arm.isTextual()) {
                arms.add(load(resolveRelative(file, arm.asText())));
                named.add(" (" + arm.asText() + ")");
            } else if (arm.isObject()) {
                arms.add(bindInline((ObjectNode) arm, file, "arms[" + i + "]"));
                named.add("");
            } else {
                throw invalid(label, "arms[" + i + "]", arm, "must be a scenario file name or an inline scenario");
            }
        }
        requireSharedSettings(arms, i -> label, i -> "arms[" + i + "].",
                i -> "arm \"" + arms.get(i).name() + "\"" + named.get(i), "arm", "");
        final Scenario reference = arms.get(0);
        final String name = text(root, "study", file, reference.name());
        final String description = text(root, "description", file, reference.description());
        final int replications = root.has("replications")
                ? wholeNumber(root.get("replications"), label, "replications")
                : reference.simulation().replications();
        final long seed = root.has("seed") ? wholeNumber(root.get("seed"), label, "seed")
                : reference.simulation().seed();
        final List<UncertainParameter> uncertain = root.has(PSA) ? uncertain(root.get(PSA), label, reference)
                : List.of();
        return wrap(label, "", () -> new Study(name, description, arms, replications, seed, uncertain));
    }

    private static final List<String> PSA_KEYS = List.of("key", "distribution", "mean", "sd", "low", "high");

    /**
     * Reads the {@code psa:} list and checks that each key exists and that the reference scenario
     * stays valid from the 0.05th to the 99.95th percentile of the distribution.
     */
    private List<UncertainParameter> uncertain(final JsonNode node, final String label, final Scenario reference) {
        if (!node.isArray() || node.isEmpty()) {
            throw invalid(label, "psa", node, "must be a non-empty list of {key, distribution, mean, sd} "
                    + "or {key, distribution, low, high}");
        }
        final List<UncertainParameter> out = new ArrayList<>();
        final java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            final String prefix = "psa[" + i + "]";
            final JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw invalid(label, prefix, item, "must be a mapping with key and distribution");
            }
            final Iterator<String> fields = item.fieldNames();
            while (fields.hasNext()) {
                final String f = fields.next();
                if (!PSA_KEYS.contains(f)) {
                    throw invalid(label, prefix + "." + f, item.get(f), "unknown key (allowed: " + PSA_KEYS + ")");
                }
            }
            for (final String required : List.of("key", "distribution")) {
                if (!item.has(required) || !item.get(required).isTextual()) {
                    throw invalid(label, prefix + "." + required, item.get(required), "must be given as a text");
                }
            }
            final UncertainParameter.Family family;
            try {
                family = UncertainParameter.Family.of(item.get("distribution").asText());
            } catch (IllegalArgumentException e) {
                throw invalid(label, prefix + ".distribution", item.get("distribution"),
                        "must be beta, gamma, lognormal, normal or uniform");
            }
            final double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                final String f = PSA_KEYS.get(k + 2);
                final JsonNode n = item.get(f);
                if (n != null && !n.isNumber()) {
                    throw invalid(label, prefix + "." + f, n, "must be a number");
                }
                v[k] = n == null ? Double.NaN : n.asDouble();
            }
            final String key = item.get("key").asText();
            if (!keys.add(key)) {
                throw invalid(label, prefix + ".key", item.get("key"), "must not repeat an earlier key");
            }
            final UncertainParameter p = wrap(label, prefix,
                    () -> new UncertainParameter(key, family, v[0], v[1], v[2], v[3]));
            for (final double q : new double[] {0.0005, 0.9995}) {
                final double value = p.quantile(q);
                try {
                    vary(reference, key, value, label + ": " + prefix + " at its " + (q * 100) + "th percentile");
                } catch (TherapysimException e) {
                    throw TherapysimException.invalidInput(e.getMessage());
                }
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Gives one key of a validated scenario another value (for sensitivity analyses).
     *
     * @param label what to call the source of the value in error messages
     * @return the scenario with the value, validated
     */
    public Scenario vary(final Scenario scenario, final String key, final double value, final String label) {
        return vary(scenario, key, Double.toString(value), label);
    }

    /**
     * Gives one key of a validated scenario another value, written as in YAML (e.g. {@code 12},
     * {@code unlimited}, {@code self_pay}).
     *
     * @param label what to call the source of the value in error messages
     * @return the scenario with the value, validated
     */
    public Scenario vary(final Scenario scenario, final String key, final String rawValue, final String label) {
        final ResolvedTree tree = new ResolvedTree((ObjectNode) yaml.valueToTree(scenario), Map.of(), label);
        return bind(override(tree, key, rawValue, label));
    }

    /**
     * Gives keys of a validated scenario other values, all applied before the scenario is
     * validated again, so that keys that depend on each other (the evaluation horizon and the
     * simulated weeks) can change together.
     *
     * @param keyValues pairs of a dotted key and its value written as in YAML
     * @param label what to call the source of the values in error messages
     * @return the scenario with the values, validated
     */
    public Scenario vary(final Scenario scenario, final List<Map.Entry<String, String>> keyValues, final String label) {
        ResolvedTree tree = new ResolvedTree((ObjectNode) yaml.valueToTree(scenario), Map.of(), label);
        for (final Map.Entry<String, String> kv : keyValues) {
            tree = override(tree, kv.getKey(), kv.getValue(), label);
        }
        return bind(tree);
    }

    private Scenario bindInline(final ObjectNode arm, final Path studyFile, final String prefix) {
        final String label = studyFile.toString();
        final Map<String, String> origins = new HashMap<>();
        final ObjectNode own = arm.deepCopy();
        final ObjectNode merged = defaults.deepCopy();
        mergeParent(merged, own, studyFile, prefix + "." + EXTENDS, new ArrayDeque<>(), origins);
        merge(merged, own, "", label, origins);
        dropInheritedDescription(merged, own, label, origins);
        final ResolvedTree tree = new ResolvedTree(merged, origins, label);
        try {
            return yaml.treeToValue(merged, Scenario.class);
        } catch (JsonMappingException e) {
            throw translate(e, merged, Scenario.class, tree::originOf, prefix + ".");
        } catch (JsonProcessingException e) {
            throw TherapysimException.invalidInput(label + ": " + prefix + ": " + e.getOriginalMessage());
        }
    }

    /** Reads a file and everything it extends, merged, recording which file set each key. */
    private ObjectNode resolveChain(final Path file, final Deque<Path> chain, final Map<String, String> origins) {
        final Path key = file.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            final List<String> cycle = new ArrayList<>();
            chain.descendingIterator().forEachRemaining(p -> cycle.add(p.getFileName().toString()));
            cycle.add(key.getFileName().toString());
            throw invalid(file.toString(), EXTENDS, file.getFileName(),
                    "must not form a cycle (" + String.join(" -> ", cycle) + ")");
        }
        final JsonNode root = read(file);
        if (root.has("arms")) {
            throw invalid(file.toString(), "arms", "[...]", "a study cannot be used as a scenario here");
        }
        final ObjectNode own = ((ObjectNode) root).deepCopy();
        if (own.has(PSA)) {
            if (!chain.isEmpty()) {
                throw invalid(file.toString(), PSA, "[...]", "uncertain inputs belong in the study or scenario file"
                        + " given on the command line, not in a file it extends");
            }
            // Read by loadStudy for the sensitivity analyses; not part of the scenario itself.
            own.remove(PSA);
        }
        final ObjectNode result = JsonNodeFactory.instance.objectNode();
        mergeParent(result, own, file, EXTENDS, chain, origins);
        merge(result, own, "", file.toString(), origins);
        dropInheritedDescription(result, own, file.toString(), origins);
        return result;
    }

    /**
     * A scenario that changes anything (beyond its name) describes itself or has no description: the
     * one it would inherit, from the file it extends or from the defaults, describes another
     * scenario (a capped arm extending the uncapped reference is not "no session cap").
     *
     * @param own the scenario's own keys, {@code extends} removed
     */
    private static void dropInheritedDescription(final ObjectNode target, final ObjectNode own, final String label,
            final Map<String, String> origins) {
        if (own.has("description")) {
            return;
        }
        final Iterator<String> keys = own.fieldNames();
        while (keys.hasNext()) {
            if (!keys.next().equals("name")) {
                target.put("description", "");
                origins.put("description", label);
                return;
            }
        }
    }

    /**
     * Removes {@code extends} from {@code own} and, when it was there, merges the file it names
     * (relative to {@code file}) with everything that file extends into {@code target}.
     *
     * @param keyPath how the key is named in error messages
     * @param chain the files being resolved, to detect cycles
     */
    private void mergeParent(final ObjectNode target, final ObjectNode own, final Path file, final String keyPath,
            final Deque<Path> chain, final Map<String, String> origins) {
        final JsonNode parent = own.remove(EXTENDS);
        if (parent == null) {
            return;
        }
        if (!parent.isTextual()) {
            throw invalid(file.toString(), keyPath, parent, "must be a file name");
        }
        final Path parentFile = resolveRelative(file, parent.asText());
        if (!Files.exists(parentFile)) {
            throw invalid(file.toString(), keyPath, parent, "file not found (" + parentFile + ")");
        }
        chain.push(file.toAbsolutePath().normalize());
        merge(target, resolveChain(parentFile, chain, origins), "", null, origins);
        chain.pop();
    }

    private JsonNode read(final Path file) {
        final String label = file.toString();
        final JsonNode root;
        try {
            final byte[] content = Files.readAllBytes(file);
            YamlCheck.check(content, label);
            root = yaml.readTree(content);
        } catch (NoSuchFileException e) {
            throw TherapysimException.invalidInput(label + ": file not found");
        } catch (AccessDeniedException e) {
            throw TherapysimException.invalidInput(label + ": cannot be read: " + TherapysimException.why(e)
                    + "; check the permissions of the file and its folders");
        } catch (JsonProcessingException e) {
            final String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ":";
            throw TherapysimException.invalidInput(label + ":" + where + " not valid YAML: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
        } catch (IOException e) {
            throw TherapysimException.invalidInput(label + ": cannot be read: " + TherapysimException.why(e));
        }
        if (root == null || !root.isObject()) {
            throw TherapysimException.invalidInput(label + ": must contain a YAML mapping of keys (a scenario or a study)");
        }
        return root;
    }

    /**
     * Deep merge: mappings key by key, everything else replaced. Records in {@code origins} which
     * file set each leaf (when {@code label} is not null) or copies what the source recorded.
     */
    private static void merge(final ObjectNode target, final ObjectNode source, final String prefix, final String label,
            final Map<String, String> origins) {
        final Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            final Map.Entry<String, JsonNode> field = fields.next();
            final String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            final JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode sourceObject) {
                merge(existingObject, sourceObject, path, label, origins);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
                if (label != null) {
                    origins.keySet().removeIf(k -> k.startsWith(path + ".") || k.startsWith(path + "["));
                    origins.put(path, label);
                }
            }
        }
    }

    private TherapysimException translate(final JsonMappingException e, final JsonNode tree, final Class<?> rootType,
            final Function<String, String> originOf, final String prefix) {
        final List<Object> steps = new ArrayList<>();
        for (final JsonMappingException.Reference ref : e.getPath()) {
            steps.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof IllegalArgumentException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        final String rule;
        if (cause instanceof InvalidValueException invalid) {
            for (final String part : invalid.key().split("\\.")) {
                final int bracket = part.indexOf('[');
                if (bracket < 0) {
                    steps.add(part);
                } else {
                    steps.add(part.substring(0, bracket));
                    steps.add(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
                }
            }
            rule = invalid.rule();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            final Collection<Object> known = unknown.getKnownPropertyIds();
            rule = "unknown key" + (known == null ? "" : " (allowed here: " + String.join(", ",
                    new TreeSet<>(known.stream().map(String::valueOf).toList())) + ")");
        } else if (cause instanceof IllegalArgumentException illegal && illegal.getMessage() != null
                && illegal.getMessage().startsWith("must")) {
            rule = illegal.getMessage();
        } else if (e instanceof MismatchedInputException && misspelt(tree, steps, rootType) != null) {
            // A misspelt key leaves the key it meant missing: name the misspelling, which is the mistake.
            final String typo = misspelt(tree, steps, rootType);
            if (at(tree, steps) == null) {
                steps.remove(steps.size() - 1);
            }
            final List<String> allowed = keysOf(recordAt(rootType, steps));
            steps.add(typo);
            rule = "unknown key (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property")) {
            final String missing = e.getOriginalMessage().replaceAll("(?s)^Missing required creator property '([^']*)'.*$", "$1");
            steps.add(missing);
            rule = "is required";
        } else if (e instanceof MismatchedInputException mismatch) {
            final Class<?> type = mismatch.getTargetType();
            rule = at(tree, steps) == null
                    ? "is required" + (type != null && type.isEnum() ? " (" + ruleForType(type) + ")" : "")
                    : ruleForType(type);
        } else {
            rule = e.getOriginalMessage();
        }
        final String path = pathOf(steps);
        final JsonNode node = at(tree, steps);
        final Object value;
        if (cause instanceof InvalidValueException invalid && (node == null || node.isContainerNode())) {
            value = invalid.value();
        } else {
            value = node == null ? "(missing)" : node;
        }
        return invalid(originOf.apply(path), prefix + path, value, rule);
    }

    /**
     * @return when the value at {@code steps} is missing or is a mapping, the first key of that mapping (or of
     *     the one holding the missing key) that its record does not have; otherwise null
     */
    private static String misspelt(final JsonNode tree, final List<Object> steps, final Class<?> rootType) {
        if (at(tree, steps) != null) {
            return unknownKey(tree, steps, rootType);
        }
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof String)) {
            return null;
        }
        return unknownKey(tree, steps.subList(0, steps.size() - 1), rootType);
    }

    /** @return the first key of the mapping at {@code steps} that its record does not have, or null */
    private static String unknownKey(final JsonNode tree, final List<Object> steps, final Class<?> rootType) {
        final JsonNode node = at(tree, steps);
        final Class<?> type = recordAt(rootType, steps);
        if (node == null || !node.isObject() || type == null) {
            return null;
        }
        final List<String> allowed = keysOf(type);
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!allowed.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** @return the record type found at {@code steps} from {@code rootType} (through lists and maps), or null */
    private static Class<?> recordAt(final Class<?> rootType, final List<Object> steps) {
        java.lang.reflect.Type type = rootType;
        for (final Object step : steps) {
            if (type instanceof java.lang.reflect.ParameterizedType generic) {
                final java.lang.reflect.Type[] args = generic.getActualTypeArguments();
                type = args[args.length - 1];
            } else if (type instanceof Class<?> c && c.isRecord() && step instanceof String name) {
                type = Arrays.stream(c.getRecordComponents()).filter(rc -> rc.getName().equals(name))
                        .map(java.lang.reflect.RecordComponent::getGenericType).findFirst().orElse(null);
            } else {
                return null;
            }
        }
        return type instanceof Class<?> c && c.isRecord() ? c : null;
    }

    private static List<String> keysOf(final Class<?> record) {
        return record == null ? List.of() : Arrays.stream(record.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
    }

    private static String ruleForType(final Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ScenarioWords.word((Enum<?>) c)).collect(Collectors.joining(", "));
        }
        return "must be a mapping of keys (" + type.getSimpleName() + ")";
    }

    private static JsonNode at(final JsonNode tree, final List<Object> steps) {
        JsonNode node = tree;
        for (final Object step : steps) {
            node = node == null ? null : child(node, step);
        }
        return node;
    }

    private static JsonNode child(final JsonNode node, final Object step) {
        if (step instanceof Integer index) {
            return node.isArray() && index < node.size() ? node.get(index) : null;
        }
        return node.isObject() ? node.get((String) step) : null;
    }

    private static String pathOf(final List<Object> steps) {
        final StringBuilder out = new StringBuilder();
        for (final Object step : steps) {
            if (step instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(step);
            }
        }
        return out.toString();
    }

    private static List<Object> parsePath(final String key, final String label) {
        final List<Object> steps = new ArrayList<>();
        for (final String part : key.split("\\.", -1)) {
            final Matcher m = KEY_PART.matcher(part);
            if (!m.matches()) {
                throw invalid(label, key, "", "must be a dotted key path such as plan.sessionCap.sessions");
            }
            steps.add(m.group(1));
            final Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        return steps;
    }

    private static Path resolveRelative(final Path file, final String name) {
        final Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(name) : parent.resolve(name).normalize();
    }

    private static String text(final JsonNode root, final String key, final Path file, final String fallback) {
        final JsonNode node = root.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw invalid(file.toString(), key, node, "must be a text");
        }
        return node.asText();
    }

    private static int wholeNumber(final JsonNode node, final String label, final String key) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw invalid(label, key, node, "must be a whole number");
        }
        return node.asInt();
    }

    private static <T> T wrap(final String label, final String prefix, final Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            throw invalid(label, prefix.isEmpty() ? e.key() : prefix + "." + e.key(), e.value(), e.rule());
        }
    }

    /** @return the one error message format: file: key path = value: rule */
    static TherapysimException invalid(final String file, final String keyPath, final Object value, final String rule) {
        final String shown = value instanceof JsonNode node && node.isTextual() ? "\"" + node.asText() + "\""
                : String.valueOf(value);
        return TherapysimException.invalidInput(file + ": " + keyPath + " = " + shown + ": " + rule);
    }
}
