package io.careloop.engine.customer;

import io.careloop.engine.db.GeneratedKey;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for customers: see CustomerMapper.xml beside this interface. */
public interface CustomerMapper {

    void insert(@Param("c") Customer customer, @Param("emailKey") String emailKey, @Param("key") GeneratedKey key);

    Customer findById(long id);

    Customer findByEmailKey(String emailKey);

    Customer findFirstByPhone(String phone);

    int save(@Param("c") Customer customer, @Param("emailKey") String emailKey, @Param("expectedVersion") int expectedVersion);

    int delete(@Param("id") long id, @Param("expectedVersion") int expectedVersion);

    /** Customers matching {@code pattern} on what a reader with {@code scope} sees unmasked. */
    List<Customer> page(@Param("pattern") String pattern, @Param("afterId") Long afterId, @Param("limit") int limit,
                        @Param("scope") io.careloop.engine.ticket.TicketScope scope);
}
