/**
 * CareLoop's plugin API (version {@value io.careloop.plugin.api.PluginApi#VERSION}): the PF4J
 * extension points a channel plugin implements and the values it exchanges with the engine.
 *
 * <ul>
 *   <li>{@link io.careloop.plugin.api.InboundSource}: polls or imports, and hands
 *       {@link io.careloop.plugin.api.InboundItem}s ({@link io.careloop.plugin.api.NewTicket},
 *       {@link io.careloop.plugin.api.CustomerReply}, {@link io.careloop.plugin.api.CallRecord},
 *       {@link io.careloop.plugin.api.SurveyResponse}) to an
 *       {@link io.careloop.plugin.api.IntakeSink}, which answers accepted, duplicate or
 *       rejected with the reason for each;</li>
 *   <li>{@link io.careloop.plugin.api.OutboundChannel}: sends replies and survey invitations, and
 *       (since 1.1.0) {@link io.careloop.plugin.api.Notification}s tied to no ticket;</li>
 *   <li>{@link io.careloop.plugin.api.SettingsSchema}: the settings form the UI renders, with
 *       secrets the host encrypts.</li>
 * </ul>
 * No engine class crosses this API. See {@code docs/plugins.md} for a worked example.
 */
package io.careloop.plugin.api;
