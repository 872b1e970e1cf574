package io.careloop.plugin.api;

/**
 * The version of this API, as a semantic version. The host sets it as PF4J's system version, so
 * a plugin declares what it was built against in its descriptor, e.g.
 * {@code Plugin-Requires: >=1.0.0 & <2.0.0}. A minor version adds types or default methods;
 * a major version removes or changes something a plugin may use.
 */
public final class PluginApi {

    /** This API's semantic version. */
    public static final String VERSION = "1.1.0";

    private PluginApi() {
    }
}
