package io.careloop.engine.quality;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CAPA register quality works from: every corrective and preventive action with the complaints
 * of its cluster, filtered by status and product. Read-only; CAPAs are opened by the recurrence
 * check and closed through the {@code capa} step of quality-complaint.bpmn.
 */
public final class Capas {

    public static final int MAX_LIMIT = 200;
    private static final Pattern NUMBER = Pattern.compile("(?i)(?:CAPA-)?0*(\\d{1,18})");

    private final Transactions tx;

    public Capas(Transactions tx) {
        this.tx = tx;
    }

    /**
     * CAPAs newest first.
     *
     * @param status  {@code open}, {@code closed} or null for both
     * @param product a piece of the product name (any case), or null
     */
    public List<QualityComplaintView.CapaView> list(String status, String product, Integer limit) {
        if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw new InvalidInputException("status", "status must be open or closed");
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be 1 to " + MAX_LIMIT);
        }
        String pattern = null;
        if (product != null && !product.isBlank()) {
            if (product.length() > 200) {
                throw new InvalidInputException("product", "product is longer than 200 characters");
            }
            String key = QualityComplaint.productKey(product);
            pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
        String p = pattern;
        return tx.read(s -> {
            QualityMapper m = s.getMapper(QualityMapper.class);
            return m.capas(status, p, n).stream().map(c -> view(m, c)).toList();
        });
    }

    /** One CAPA by its number ({@code CAPA-000042}, or just 42). */
    public QualityComplaintView.CapaView get(String number) {
        Matcher match = NUMBER.matcher(number == null ? "" : number.strip());
        if (!match.matches()) {
            throw new NotFoundException("no CAPA " + number);
        }
        long id = Long.parseLong(match.group(1));
        return tx.read(s -> {
            QualityMapper m = s.getMapper(QualityMapper.class);
            Capa c = m.capa(id);
            if (c == null) {
                throw new NotFoundException("no CAPA " + number.toUpperCase(Locale.ROOT));
            }
            return view(m, c);
        });
    }

    /** A CAPA with the ticket numbers of its cluster, oldest complaint first. */
    static QualityComplaintView.CapaView view(QualityMapper m, Capa k) {
        return new QualityComplaintView.CapaView(k.number(), k.status(), k.product(), k.lot(), k.openedBy(),
                k.openedAt(), k.action(), k.closedAt(), m.linkedTickets(k.id()));
    }
}
