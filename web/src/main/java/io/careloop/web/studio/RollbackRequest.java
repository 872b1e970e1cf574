package io.careloop.web.studio;

/** The version to deploy again, and why (required). */
record RollbackRequest(Integer version, String comment) {
}
