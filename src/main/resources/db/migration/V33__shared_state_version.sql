-- Every write of a shared_state row takes a fresh number from one sequence, so a reader that holds the
-- value of version N asks "still N?" and gets the value back only when it changed (state/SharedState
-- getIfChanged): a dialogue state this instance wrote last is then neither transferred nor decoded again.
-- A sequence rather than version + 1: a row that expires and is created again never repeats a version an
-- instance may still hold.
CREATE SEQUENCE shared_state_version;
ALTER TABLE shared_state ADD COLUMN version BIGINT NOT NULL DEFAULT nextval('shared_state_version');
