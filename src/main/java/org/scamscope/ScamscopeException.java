package org.scamscope;

/** A failure the user can act on: it carries the process exit code and a one-line message. */
public class ScamscopeException extends RuntimeException {
    private final int exitCode;

    public ScamscopeException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ScamscopeException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
