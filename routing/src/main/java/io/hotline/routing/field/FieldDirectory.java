package io.hotline.routing.field;

import java.util.List;

/**
 * The branches and field engineers Hotline dispatches to, as loaded at start (persistence reads them from the
 * {@code branch}, {@code branch_region}, {@code branch_duty_shift} and {@code field_engineer} tables). Immutable.
 *
 * @param branches  every active branch
 * @param engineers every field engineer
 */
public record FieldDirectory(List<Branch> branches, List<Engineer> engineers) {
    /** No branch, no engineer: every on-site escalation is unplaced and headquarters is alerted. */
    public static final FieldDirectory EMPTY = new FieldDirectory(List.of(), List.of());

    public FieldDirectory {
        branches = List.copyOf(branches);
        engineers = List.copyOf(engineers);
    }
}
