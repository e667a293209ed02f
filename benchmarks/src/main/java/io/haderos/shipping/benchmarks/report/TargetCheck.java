package io.haderos.shipping.benchmarks.report;

import java.util.List;

/**
 * One target a scenario checks, and how the run fared.
 *
 * @param target what is required, in words
 * @param passed whether the run met it
 * @param detail what was measured
 */
public record TargetCheck(String target, boolean passed, String detail) {

    /** {@code PASS} or {@code FAIL}. */
    public String verdict() {
        return passed ? "PASS" : "FAIL";
    }

    /** Whether every check passed (true for none). */
    public static boolean allPassed(List<TargetCheck> checks) {
        return checks.stream().allMatch(TargetCheck::passed);
    }

    /** The checks as a markdown table. */
    public static MarkdownTable table(List<TargetCheck> checks) {
        MarkdownTable table = new MarkdownTable("target", "result", "measured");
        checks.forEach(check -> table.row(check.target(), "**" + check.verdict() + "**", check.detail()));
        return table;
    }
}
