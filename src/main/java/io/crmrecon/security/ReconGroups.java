package io.crmrecon.security;

/** The application's Camunda groups and the Spring authorities they become. */
final class ReconGroups {

    static final String CLERKS = "clerks";
    static final String MANAGERS = "managers";
    static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    static final String AUTHORITY_PREFIX = "GROUP_";
    static final String CLERK = AUTHORITY_PREFIX + CLERKS;
    static final String MANAGER = AUTHORITY_PREFIX + MANAGERS;
    static final String ADMIN = AUTHORITY_PREFIX + ADMINS;

    private ReconGroups() {
    }
}
