package vn.hoidap.console;

import java.util.Set;

/** The console's two roles: the communications team, and admins who also manage users and plans. */
public final class Roles {

    public static final String COMMS = "comms";
    public static final String ADMIN = "admin";
    static final Set<String> ALL = Set.of(COMMS, ADMIN);

    private Roles() {
    }

    /** Admins can do everything the communications team can. */
    static java.util.List<String> granted(String role) {
        return ADMIN.equals(role) ? java.util.List.of(ADMIN, COMMS) : java.util.List.of(COMMS);
    }
}
