package io.careloop.engine.quality;

import io.careloop.engine.db.GeneratedKey;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Quality complaints, CAPAs and the per-lot lock row; SQL in QualityMapper.xml. */
public interface QualityMapper {

    void insertComplaint(QualityComplaint c);

    QualityComplaint find(String ticketNumber);

    QualityComplaint findForUpdate(String ticketNumber);

    void updateComplaint(QualityComplaint c);

    int lotExists(@Param("productKey") String productKey, @Param("lot") String lot);

    void insertLot(@Param("productKey") String productKey, @Param("lot") String lot);

    /** Locks the lot's row until the transaction ends: recurrence checks of one lot run one after the other. */
    String lockLot(@Param("productKey") String productKey, @Param("lot") String lot);

    Capa openCapa(@Param("openKey") String openKey);

    Capa capa(long id);

    /** The CAPA register, newest first; null filters match everything. */
    List<Capa> capas(@Param("status") String status, @Param("productPattern") String productPattern,
                     @Param("limit") int limit);

    void insertCapa(@Param("c") Capa capa, @Param("key") GeneratedKey key);

    void closeCapa(@Param("id") long id, @Param("action") String action, @Param("closedAt") Instant closedAt);

    /** Ticket numbers of the complaints of a lot received since {@code since} and linked to no CAPA yet. */
    List<String> unlinkedSince(@Param("productKey") String productKey, @Param("lot") String lot,
                               @Param("since") Instant since);

    void link(@Param("capaId") long capaId, @Param("ticketNumbers") List<String> ticketNumbers,
              @Param("at") Instant at);

    List<String> linkedTickets(long capaId);
}
