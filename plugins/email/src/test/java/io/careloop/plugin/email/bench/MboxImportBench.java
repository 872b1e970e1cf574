package io.careloop.plugin.email.bench;

import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.email.EmailSource;
import io.careloop.plugin.testkit.RecordingSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/**
 * Import throughput of the e-mail plugin (not a test): writes an mbox of N generated messages
 * (GBK base64 complaints, UTF-8 quoted-printable reports, HTML with a PDF attachment, replies,
 * auto-replies), then imports it twice through {@link EmailSource#importStream} into a sink that
 * answers like the engine's ledger. Prints messages per second and the heap in use. Run with a
 * small heap to show the import streams: see the module README for the command.
 */
public final class MboxImportBench {

    private static final Charset GBK = Charset.forName("GBK");

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("mbox-bench");
        Path mbox = dir.resolve("bench.mbox");
        writeMbox(mbox, count);
        System.out.printf("mbox: %d messages, %.1f MB%n", count, Files.size(mbox) / 1e6);

        RecordingSink sink = new CountingSink();
        PluginSettings settings = new PluginSettings(Map.of(
                "mail.fromAddress", "service@careloop.example.com"));
        for (String run : new String[]{"first import", "second import (all duplicates)"}) {
            long start = System.nanoTime();
            long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            try (InputStream in = Files.newInputStream(mbox)) {
                new EmailSource().importStream(new StreamUpload(in, settings, sink));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
            // the import runs on this one thread: its CPU time is what the import costs on an idle core,
            // while the wall clock also counts the time other processes on a busy machine took
            System.out.printf("%s: %d messages in %.2f s wall = %.0f messages/s; %.2f s CPU of the importing thread = %.0f messages per CPU second; accepted so far %d, duplicates %d; heap used %.0f MB of max %.0f MB%n",
                    run, count, seconds, count / seconds, cpuSeconds, count / cpuSeconds, ((CountingSink) sink).acceptedCount,
                    sink.duplicates.size(), usedHeapMb(), Runtime.getRuntime().maxMemory() / 1e6);
        }
    }

    private static double usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    static void writeMbox(Path file, int count) throws IOException {
        Random random = new Random(42);
        byte[] pdf = new byte[64 * 1024];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 1; i <= count; i++) {
                out.write(("From sender" + i + "@hospital.example Sat Nov  7 08:00:00 2026\n").getBytes(StandardCharsets.US_ASCII));
                out.write(message(i, random, pdf).getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
            }
        }
    }

    private static String message(int i, Random random, byte[] pdf) {
        String head = "From: =?utf-8?B?" + b64("张伟医生".getBytes(StandardCharsets.UTF_8)) + "?= <doctor" + (i % 500)
                + "@hospital.example>\nTo: service@careloop.example.com\nDate: Sat, 07 Nov 2026 08:00:00 +0800\n"
                + "Message-ID: <bench-" + i + "@hospital.example>\nMIME-Version: 1.0\n";
        String complaint = "您好：批号 B2026" + i + " 的胶囊有三盒铝箔破损，已隔离。请尽快安排退换并告知调查结果。\n".repeat(8);
        switch (i % 5) {
            case 0:
                return head + "Subject: =?gb2312?B?" + b64(("关于批次 " + i + " 的投诉").getBytes(GBK)) + "?=\n"
                        + "Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n"
                        + Base64.getMimeEncoder().encodeToString(complaint.getBytes(GBK)).replace("\r\n", "\n") + "\n";
            case 1:
                return head + "Subject: =?utf-8?Q?" + "=E6=82=A3=E8=80=85 report " + i + "?=\n"
                        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                        + qp(complaint) + "\n";
            case 2:
                random.nextBytes(pdf);
                return head + "Subject: PO " + i + " delayed\nContent-Type: multipart/mixed; boundary=\"B" + i + "\"\n\n"
                        + "--B" + i + "\nContent-Type: text/html; charset=utf-8\n\n<p>PO <b>" + i
                        + "</b> is late</p><script>alert(1)</script><a href=\"javascript:x\">x</a>\n"
                        + "--B" + i + "\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''%E9%80%81%E8%B4%A7%E5%8D%95.pdf\n"
                        + "Content-Transfer-Encoding: base64\n\n"
                        + Base64.getMimeEncoder().encodeToString(pdf).replace("\r\n", "\n") + "\n--B" + i + "--\n";
            case 3:
                return head + "Subject: =?utf-8?B?" + b64(("回复：[CL-2026-" + String.format("%06d", i) + "] 投诉").getBytes(StandardCharsets.UTF_8))
                        + "?=\nIn-Reply-To: <ticket-CL-2026-" + String.format("%06d", i) + ".1@careloop.example.com>\n"
                        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                        + new String("收到，谢谢。\n>From the earlier mail\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            default:
                return head + "Subject: Out of office\nAuto-Submitted: auto-replied\nContent-Type: text/plain\n\nI am away.\n";
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String qp(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            String piece = b == '\n' ? "\n" : (b >= 33 && b <= 126 && b != '=') ? String.valueOf((char) b)
                    : String.format("=%02X", b & 0xFF);
            if (!piece.equals("\n") && column + piece.length() > 75) {
                out.append("=\n");
                column = 0;
            }
            out.append(piece);
            column = piece.equals("\n") ? 0 : column + piece.length();
        }
        return out.toString();
    }

    /** Keeps only counts, so the sink's own memory stays small. */
    static final class CountingSink extends RecordingSink {
        long acceptedCount;

        @Override
        public io.careloop.plugin.api.IntakeOutcome accept(io.careloop.plugin.api.InboundItem item,
                                                          io.careloop.plugin.api.RawRecord raw) {
            io.careloop.plugin.api.IntakeOutcome outcome = super.accept(item, raw);
            if (outcome.isAccepted()) {
                acceptedCount++;
                accepted.clear();
                acceptedRaw.clear();
            }
            return outcome;
        }
    }

    /** An upload read from a file stream. */
    record StreamUpload(InputStream in, PluginSettings settings, RecordingSink sink) implements io.careloop.plugin.api.ImportContext {
        @Override public InputStream input() { return in; }
        @Override public String fileName() { return "bench.mbox"; }
        @Override public long size() { return -1; }
        @Override public String preset() { return null; }
        @Override public void preamble(String text) { }
        @Override public void progress(long done, long total) { }
        @Override public java.time.Clock clock() { return java.time.Clock.systemUTC(); }
    }
}
