package io.careloop.engine.user;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The shared failed-login counts ({@link LoginThrottle}); each statement is atomic on its own. */
public interface LoginThrottleMapper {

    /** One more failure: a window that opened at or before {@code expired} starts again at {@code now} with 1. */
    @Update("UPDATE login_failure SET "
            + "failures = CASE WHEN window_start <= #{expired} THEN 1 ELSE failures + 1 END, "
            + "window_start = CASE WHEN window_start <= #{expired} THEN #{now} ELSE window_start END "
            + "WHERE throttle_key = #{key}")
    int count(@Param("key") String key, @Param("now") Instant now, @Param("expired") Instant expired);

    /** Fails with a unique-key violation when another node inserted the key first (then count again). */
    @Insert("INSERT INTO login_failure (throttle_key, window_start, failures) VALUES (#{key}, #{now}, 1)")
    void open(@Param("key") String key, @Param("now") Instant now);

    /** The window start of each key among {@code keys} that reached its limit in a window still open. */
    @Select("<script>SELECT window_start FROM login_failure WHERE window_start &gt; #{expired} AND ("
            + "(throttle_key = #{account} AND failures &gt;= #{perAccount}) OR "
            + "(throttle_key = #{address} AND failures &gt;= #{perAddress}))</script>")
    List<Instant> lockedSince(@Param("account") String account, @Param("perAccount") int perAccount,
                              @Param("address") String address, @Param("perAddress") int perAddress,
                              @Param("expired") Instant expired);

    @Delete("DELETE FROM login_failure WHERE throttle_key = #{key}")
    int clear(@Param("key") String key);

    @Delete("DELETE FROM login_failure WHERE window_start <= #{expired}")
    int purge(@Param("expired") Instant expired);
}
