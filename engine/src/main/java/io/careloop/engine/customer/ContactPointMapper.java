package io.careloop.engine.customer;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface ContactPointMapper {

    @Delete("DELETE FROM contact_point_status WHERE channel = #{channel} AND address = #{address}")
    void delete(@Param("channel") String channel, @Param("address") String address);

    @Insert("INSERT INTO contact_point_status (channel, address, status, reason, message_id, updated_at) "
            + "VALUES (#{channel}, #{address}, #{status}, #{reason}, #{messageId}, #{since})")
    void insert(ContactPoints.Status status);

    @Select("SELECT channel, address, status, reason, message_id, updated_at AS since FROM contact_point_status "
            + "WHERE channel = #{channel} AND address = #{address}")
    ContactPoints.Status find(@Param("channel") String channel, @Param("address") String address);

    @Select("SELECT id FROM customer WHERE LOWER(email) = #{address} ORDER BY id")
    List<Long> customersWithEmail(String address);
}
