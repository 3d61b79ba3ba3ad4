package vn.hoidap.assistant;

/** The part an agency plays in a task, as people ask it ("chủ trì" / "phối hợp"). */
enum Role {
    LEAD, COORDINATE
}
