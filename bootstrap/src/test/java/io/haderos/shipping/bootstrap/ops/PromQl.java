package io.haderos.shipping.bootstrap.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The series selectors of a PromQL expression that {@code promtool} has already parsed: each metric name with the
 * label names its matchers use. A small scanner, not a parser: it skips strings, comments, ranges and the label
 * lists of {@code by}, {@code without}, {@code on}, {@code ignoring} and {@code group_left/right}; an identifier
 * followed by {@code (} is a function or an aggregation; keywords and numbers are not metrics; any other identifier
 * is a metric name, with the {@code {...}} that may follow it.
 */
final class PromQl {

    /** A metric named by an expression, and the label names its matchers use ({@code __name__} left out). */
    record Selector(String metric, Set<String> labels) {}

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "atan2",
            "inf",
            "nan");

    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private static final Set<String> AGGREGATIONS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio");

    private final String text;
    private int at;

    private PromQl(String text) {
        this.text = text;
    }

    /** The selectors of {@code promql}, in order of appearance. */
    static List<Selector> selectors(String promql) {
        return new PromQl(promql).scan();
    }

    private List<Selector> scan() {
        List<Selector> selectors = new ArrayList<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                string();
            } else if (c == '[') {
                while (at < text.length() && text.charAt(at) != ']') {
                    at++;
                }
                at++;
            } else if (c == '{') {
                // A selector without a metric name before it: {__name__="x", ...}
                List<String[]> matchers = matchers();
                String name = null;
                Set<String> labels = new LinkedHashSet<>();
                for (String[] matcher : matchers) {
                    if ("__name__".equals(matcher[0]) && "=".equals(matcher[1])) {
                        name = matcher[2];
                    } else if (!"__name__".equals(matcher[0])) {
                        labels.add(matcher[0]);
                    }
                }
                if (name == null) {
                    throw new IllegalArgumentException("a selector without a fixed metric name: " + text);
                }
                selectors.add(new Selector(name, labels));
            } else if (Character.isDigit(c)
                    || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                String word = identifier();
                int next = skipSpaces(at);
                char following = next < text.length() ? text.charAt(next) : '\0';
                String lower = word.toLowerCase(Locale.ROOT);
                if (KEYWORDS.contains(lower)) {
                    if (LABEL_LIST_KEYWORDS.contains(lower) && following == '(') {
                        at = next;
                        skipParentheses();
                    }
                } else if (following == '(') {
                    at = next + 1; // a function or an aggregation: its arguments are scanned as usual
                } else if (AGGREGATIONS.contains(lower) && startsWord(next, "by", "without")) {
                    // sum by (...) (...): the clause is skipped on the next round
                } else {
                    Set<String> labels = new LinkedHashSet<>();
                    if (following == '{') {
                        at = next;
                        for (String[] matcher : matchers()) {
                            if (!"__name__".equals(matcher[0])) {
                                labels.add(matcher[0]);
                            }
                        }
                    }
                    selectors.add(new Selector(word, labels));
                }
            } else {
                at++;
            }
        }
        return selectors;
    }

    private String identifier() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isLetterOrDigit(c) || c == '_' || c == ':') {
                at++;
            } else {
                break;
            }
        }
        return text.substring(start, at);
    }

    /** A number or a duration: 0.95, 1e-3, 0x1f, 5m, 1h30m. */
    private void number() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                at++;
            } else if ((c == '+' || c == '-') && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')) {
                at++;
            } else {
                break;
            }
        }
    }

    /** The matchers of a {@code {...}} at {@code at}: each {label, operator, value}. */
    private List<String[]> matchers() {
        List<String[]> matchers = new ArrayList<>();
        at++; // {
        while (true) {
            at = skipSpaces(at);
            if (at >= text.length()) {
                throw new IllegalArgumentException("unterminated {: " + text);
            }
            char c = text.charAt(at);
            if (c == '}') {
                at++;
                return matchers;
            }
            if (c == ',') {
                at++;
                continue;
            }
            String label = identifier();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("expected a label name at " + at + ": " + text);
            }
            at = skipSpaces(at);
            String operator = text.startsWith("=~", at) || text.startsWith("!~", at) || text.startsWith("!=", at)
                    ? text.substring(at, at + 2)
                    : text.substring(at, at + 1);
            at += operator.length();
            at = skipSpaces(at);
            matchers.add(new String[] {label, operator, string()});
        }
    }

    /** The string literal at {@code at}, unescaped well enough for label values. */
    private String string() {
        char quote = text.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != quote) {
            if (text.charAt(at) == '\\' && quote != '`' && at + 1 < text.length()) {
                at++;
            }
            value.append(text.charAt(at++));
        }
        at++; // closing quote
        return value.toString();
    }

    private void skipParentheses() {
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean startsWord(int from, String... words) {
        for (String word : words) {
            int end = from + word.length();
            if (text.regionMatches(true, from, word, 0, word.length())
                    && (end >= text.length()
                            || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
                return true;
            }
        }
        return false;
    }
}
