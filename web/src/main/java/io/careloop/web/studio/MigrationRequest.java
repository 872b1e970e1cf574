package io.careloop.web.studio;

/** From which version to which; the comment is kept in the audit trail. */
record MigrationRequest(Integer fromVersion, Integer toVersion, String comment) {
}
