package org.therapysim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.therapysim.TherapysimException;

/**
 * Reads a YAML document token by token before it is bound, and refuses what YAML allows but a
 * scenario must not contain, each with the key path where it occurs: a key given twice in one
 * mapping (YAML readers would keep the last silently), a type tag such as {@code !!java.util.HashMap}
 * (ignored otherwise), an alias such as {@code *name} (read as the text {@code name} otherwise:
 * {@code extends:} shares settings between files instead), a second document, and numbers that are
 * not finite. Syntax errors are reported in plain words with their line.
 */
final class YamlCheck {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final Pattern NOT_FINITE = Pattern.compile("'([-+]?\\.(?:nan|NaN|NAN|inf|Inf|INF))'");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
    private static final int LONGEST_NUMBER = 100;

    /** A mapping or list being read: its key path, the keys seen (with their lines) or the next index. */
    private static final class Level {
        final String path;
        final Map<String, Integer> keys;
        int index;
        String key;

        Level(final String path, final boolean mapping) {
            this.path = path;
            this.keys = mapping ? new HashMap<>() : null;
        }

        String child() {
            final String step = keys != null ? key : "[" + index + "]";
            if (keys != null) {
                return path.isEmpty() ? step : path + "." + step;
            }
            return path + step;
        }
    }

    private YamlCheck() {
    }

    /**
     * @param content the file's bytes
     * @param label the file, as named in error messages
     * @throws TherapysimException (exit 2) at the first problem
     */
    static void check(final byte[] content, final String label) {
        final Deque<Level> open = new ArrayDeque<>();
        String pendingDuplicate = null;
        int firstLine = 0;
        int documents = 0;
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                final Level level = open.peek();
                if (token == JsonToken.FIELD_NAME) {
                    level.key = parser.currentName();
                    final Integer earlier = level.keys.putIfAbsent(level.key, line(parser));
                    if (earlier != null) {
                        pendingDuplicate = level.child();
                        firstLine = earlier;
                    }
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    advance(open.peek());
                    continue;
                }
                if (level == null && ++documents > 1) {
                    throw more(label);
                }
                final String path = level == null ? "" : level.child();
                final String shown = token == JsonToken.START_OBJECT ? "{...}"
                        : token == JsonToken.START_ARRAY ? "[...]" : scalar(parser);
                if (parser.getTypeId() != null) {
                    throw problem(label, path, "!" + shortTag(parser.getTypeId()) + " " + shown,
                            "type tags are not allowed: write the value without a tag");
                }
                if (parser.isCurrentAlias()) {
                    throw problem(label, path, "*" + parser.getText(), "aliases (*name) are not supported: write the "
                            + "value out, or share settings between files with extends:");
                }
                if (pendingDuplicate != null) {
                    throw problem(label, pendingDuplicate, shown, "is given twice in the same mapping (first on line "
                            + firstLine + "): keep one");
                }
                if (shown.length() > LONGEST_NUMBER && NUMBER.matcher(shown).matches()) {
                    throw problem(label, path, shown.substring(0, 20) + "...", "number too long (" + shown.length()
                            + " characters)");
                }
                if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(parser.getDoubleValue())) {
                    throw problem(label, path, parser.getText(), "must be a finite number");
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Level(path, token == JsonToken.START_OBJECT));
                } else {
                    advance(level);
                }
            }
        } catch (CharConversionException e) {
            throw notUtf8(label);
        } catch (StreamConstraintsException e) {
            final String what = e.getMessage() != null && e.getMessage().contains("Number") ? "a number is too long"
                    : e.getMessage() != null && e.getMessage().contains("nesting") ? "mappings and lists nest too deep"
                    : "a value is too long";
            throw TherapysimException.invalidInput(label + ": " + what + (open.isEmpty() ? "" : " at "
                    + open.peek().path) + ": not a scenario");
        } catch (JsonEOFException e) {
            throw TherapysimException.invalidInput(label + ": not valid YAML: the file ends inside a mapping or list");
        } catch (IOException e) {
            if (e instanceof CharConversionException || e.getCause() instanceof CharConversionException
                    || String.valueOf(e.getMessage()).contains("UTF-8")) {
                throw notUtf8(label);
            }
            final Matcher special = NOT_FINITE.matcher(String.valueOf(e.getMessage()));
            if (special.find()) {
                throw problem(label, open.isEmpty() ? "" : open.peek().child(), special.group(1),
                        "must be a finite number");
            }
            if (e.getCause() instanceof MarkedYAMLException marked) {
                final String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                throw TherapysimException.invalidInput(label + ": line " + (marked.getProblemMark().getLine() + 1)
                        + ": not valid YAML: " + context + marked.getProblem());
            }
            final String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                    && p.getLocation() != null ? " line " + p.getLocation().getLineNr() + ":" : "";
            throw TherapysimException.invalidInput(label + ":" + where + " not valid YAML: " + plain(e));
        }
    }

    private static TherapysimException notUtf8(final String label) {
        return TherapysimException.invalidInput(label + ": not UTF-8 text: save the file as UTF-8");
    }

    private static void advance(final Level level) {
        if (level != null && level.keys == null) {
            level.index++;
        }
    }

    private static int line(final JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String scalar(final JsonParser parser) throws IOException {
        final String text = parser.getText();
        return text == null ? "null" : text;
    }

    private static String shortTag(final String tag) {
        return tag.startsWith("tag:yaml.org,2002:") ? "!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
    }

    private static TherapysimException more(final String label) {
        return TherapysimException.invalidInput(label + ": holds more than one YAML document (a line '---' or text"
                + " after the end): keep one");
    }

    /** @return the parser's complaint without its Java names and location dump */
    private static String plain(final IOException e) {
        String text = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getOriginalMessage() != null
                ? p.getOriginalMessage() : String.valueOf(e.getMessage());
        final int at = text.indexOf(" at [Source");
        if (at >= 0) {
            text = text.substring(0, at);
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.replaceAll("^(org|com|java)\\.[\\w.$]+: ", "");
    }

    private static TherapysimException problem(final String label, final String path, final String value,
            final String rule) {
        return TherapysimException.invalidInput(label + ": " + (path.isEmpty() ? "(the document)" : path) + " = "
                + value + ": " + rule);
    }
}
