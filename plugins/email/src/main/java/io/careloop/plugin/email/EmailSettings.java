package io.careloop.plugin.email;

import io.careloop.plugin.api.FieldType;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import io.careloop.plugin.email.mime.MailCharsets;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The e-mail plugin's settings, read once per call from the host's {@link PluginSettings}.
 *
 * @param imapHost          IMAP server; polling is off while it is blank
 * @param imapPort          IMAP port (993 for imaps, 143 for imap)
 * @param imapSecurity      ssl (IMAPS), starttls or none
 * @param imapUser          login
 * @param imapPassword      password (a secret: encrypted by the host, never shown)
 * @param folders           folders to poll, e.g. INBOX
 * @param processed         what to do with a message once taken in: flag or move
 * @param processedFolder   where {@code move} puts it
 * @param pollInterval      how often to poll
 * @param maxPerPoll        most messages one poll takes in (the rest waits for the next poll)
 * @param smtpHost          SMTP server for replies
 * @param smtpPort          SMTP port (465 ssl, 587 starttls, 25 none)
 * @param smtpSecurity      ssl, starttls or none
 * @param smtpUser          SMTP login; blank = no authentication
 * @param smtpPassword      SMTP password (secret)
 * @param fromAddress       the address replies come from; mail from it is never taken in
 * @param fromName          display name of replies
 * @param ownAddresses      further addresses of ours (aliases): mail from them is a loop
 * @param messageIdDomain   domain of our Message-IDs
 * @param defaultCharset    what 8-bit text without a label is read as when detection cannot tell
 *                          (short texts): GB18030 for a mainland mailbox, x-windows-950 for Taiwan
 */
public record EmailSettings(String imapHost, int imapPort, String imapSecurity, String imapUser,
                            String imapPassword, List<String> folders, String processed,
                            String processedFolder, Duration pollInterval, int maxPerPoll, String smtpHost, int smtpPort,
                            String smtpSecurity, String smtpUser, String smtpPassword, String fromAddress,
                            String fromName, Set<String> ownAddresses, String messageIdDomain,
                            Charset defaultCharset) {

    public static final List<String> SECURITY = List.of("ssl", "starttls", "none");

    /** Shared by the inbound and outbound forms (one value for both). */
    private static final SettingsField FROM_ADDRESS =
            SettingsField.of("mail.fromAddress", FieldType.TEXT, "客服邮箱地址", "Service address")
                    .withHelp("回复从此地址发出; 来自此地址的邮件不建工单",
                            "Replies come from it; mail from it never opens a ticket");

    public EmailSettings {
        folders = List.copyOf(folders);
        ownAddresses = Set.copyOf(ownAddresses);
    }

    /** The form fields of inbound polling and import. */
    public static SettingsSchema inboundSchema() {
        return SettingsSchema.of(
                SettingsField.of("imap.host", FieldType.TEXT, "IMAP 服务器", "IMAP server")
                        .withHelp("留空则不轮询邮箱", "Leave empty to switch polling off"),
                SettingsField.of("imap.port", FieldType.INTEGER, "IMAP 端口", "IMAP port").withDefault("993"),
                SettingsField.select("imap.security", "IMAP 加密", "IMAP security", SECURITY).withDefault("ssl"),
                SettingsField.of("imap.user", FieldType.TEXT, "IMAP 用户名", "IMAP user"),
                SettingsField.of("imap.password", FieldType.TEXT, "IMAP 密码", "IMAP password").asSecret(),
                SettingsField.of("imap.folders", FieldType.TEXT, "轮询的文件夹", "Folders to poll")
                        .withDefault("INBOX").withHelp("逗号分隔", "Comma-separated"),
                SettingsField.select("imap.processed", "已处理邮件", "Processed messages", List.of("flag", "move"))
                        .withDefault("flag"),
                SettingsField.of("imap.processedFolder", FieldType.TEXT, "移动到文件夹", "Move to folder")
                        .withDefault("CareLoop"),
                SettingsField.of("imap.pollInterval", FieldType.DURATION, "轮询间隔", "Poll interval")
                        .withDefault("PT1M"),
                SettingsField.of("imap.maxPerPoll", FieldType.INTEGER, "每次轮询最多邮件数", "Most messages per poll")
                        .withDefault("500"),
                FROM_ADDRESS,
                SettingsField.of("mail.ownAddresses", FieldType.MULTILINE, "本方其他地址", "Other own addresses")
                        .withHelp("来自这些地址的邮件不建工单", "Mail from these never opens a ticket"),
                SettingsField.of("mail.defaultCharset", FieldType.TEXT, "未标明编码时的默认编码",
                        "Charset of unlabelled mail").withDefault("GB18030")
                        .withHelp("无法自动识别时使用", "Used when detection cannot tell"));
    }

    /** The form fields of outbound replies. */
    public static SettingsSchema outboundSchema() {
        return SettingsSchema.of(
                SettingsField.of("smtp.host", FieldType.TEXT, "SMTP 服务器", "SMTP server").asRequired(),
                SettingsField.of("smtp.port", FieldType.INTEGER, "SMTP 端口", "SMTP port").withDefault("465"),
                SettingsField.select("smtp.security", "SMTP 加密", "SMTP security", SECURITY).withDefault("ssl"),
                SettingsField.of("smtp.user", FieldType.TEXT, "SMTP 用户名", "SMTP user"),
                SettingsField.of("smtp.password", FieldType.TEXT, "SMTP 密码", "SMTP password").asSecret(),
                FROM_ADDRESS,
                SettingsField.of("mail.fromName", FieldType.TEXT, "发件人名称", "Sender name").withDefault("CareLoop"),
                SettingsField.of("mail.messageIdDomain", FieldType.TEXT, "Message-ID 域名", "Message-ID domain")
                        .withHelp("默认取客服邮箱的域名", "Defaults to the service address's domain"));
    }

    public static EmailSettings from(PluginSettings s) {
        String from = s.get("mail.fromAddress", "").strip().toLowerCase(Locale.ROOT);
        Set<String> own = new LinkedHashSet<>();
        if (!from.isEmpty()) {
            own.add(from);
        }
        for (String a : s.get("mail.ownAddresses", "").split("[,;\\s]+")) {
            if (!a.isBlank()) {
                own.add(a.strip().toLowerCase(Locale.ROOT));
            }
        }
        String domain = s.get("mail.messageIdDomain",
                from.contains("@") ? from.substring(from.indexOf('@') + 1) : "careloop.invalid");
        return new EmailSettings(
                s.get("imap.host", ""), s.getInt("imap.port", 993), s.get("imap.security", "ssl"),
                s.get("imap.user", ""), s.get("imap.password", ""),
                Arrays.stream(s.get("imap.folders", "INBOX").split(",")).map(String::strip)
                        .filter(f -> !f.isEmpty()).toList(),
                s.get("imap.processed", "flag"), s.get("imap.processedFolder", "CareLoop"),
                s.getDuration("imap.pollInterval", Duration.ofMinutes(1)), Math.max(1, s.getInt("imap.maxPerPoll", 500)),
                s.get("smtp.host", ""), s.getInt("smtp.port", 465), s.get("smtp.security", "ssl"),
                s.get("smtp.user", ""), s.get("smtp.password", ""),
                from, s.get("mail.fromName", "CareLoop"), own, domain,
                MailCharsets.forLabel(s.get("mail.defaultCharset", "GB18030"))
                        .orElseThrow(() -> new IllegalStateException("setting mail.defaultCharset names no charset Java knows: "
                                + s.get("mail.defaultCharset"))));
    }

    /** Never shows the passwords. */
    @Override
    public String toString() {
        return "EmailSettings[imap=" + imapHost + ":" + imapPort + " folders=" + folders + " smtp=" + smtpHost
                + ":" + smtpPort + "]";
    }
}
