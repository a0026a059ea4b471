package org.therapysim.scenario;

/**
 * Thrown by a scenario record's constructor when one of its values breaks a rule. The loader
 * adds the file and the path of the record, so the user sees file, key path, value and rule.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object value;
    private final String rule;

    public InvalidValueException(final String key, final Object value, final String rule) {
        super(key + " = " + value + ": " + rule);
        this.key = key;
        this.value = value;
        this.rule = rule;
    }

    /** @return the key inside the record (may be dotted for nested checks) */
    public String key() {
        return key;
    }

    /** @return the offending value */
    public Object value() {
        return value;
    }

    /** @return the rule the value breaks, phrased as "must ..." */
    public String rule() {
        return rule;
    }
}
