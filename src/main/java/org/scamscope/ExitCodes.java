package org.scamscope;

/** Process exit codes; README lists them for schedulers. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int DATA_QUALITY = 3;
    public static final int LOCKED = 4;
    /** The disclosure audit found a published cell that gives away a small count: gold is not written. */
    public static final int DISCLOSURE = 5;

    private ExitCodes() {}

    public static ScamscopeException usage(String message) {
        return new ScamscopeException(USAGE, message);
    }

    public static ScamscopeException dataQuality(String message) {
        return new ScamscopeException(DATA_QUALITY, message);
    }
}
