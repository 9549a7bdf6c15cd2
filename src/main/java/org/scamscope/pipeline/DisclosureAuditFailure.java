package org.scamscope.pipeline;

import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;
import org.scamscope.disclosure.IntervalAudit;

/** The gold a run computed would give a small count away: nothing of it is written (exit 5). */
public final class DisclosureAuditFailure extends ScamscopeException {
    private final transient IntervalAudit.Result audit;

    public DisclosureAuditFailure(IntervalAudit.Result audit) {
        super(ExitCodes.DISCLOSURE, message(audit));
        this.audit = audit;
    }

    public IntervalAudit.Result audit() {
        return audit;
    }

    private static String message(IntervalAudit.Result audit) {
        StringBuilder s = new StringBuilder(String.format(
                "disclosure audit failed: %d of %d hidden cells can be narrowed down from what gold would publish; gold not written",
                audit.violations().size(), audit.hiddenCells()));
        audit.violations().stream().limit(10).forEach(v -> s.append("\n  ").append(v.describe()));
        if (audit.violations().size() > 10) s.append("\n  ... and ").append(audit.violations().size() - 10).append(" more");
        return s.toString();
    }
}
