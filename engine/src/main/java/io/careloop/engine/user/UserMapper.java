package io.careloop.engine.user;

import io.careloop.engine.db.GeneratedKey;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Users, roles, teams, sessions and API tokens. */
public interface UserMapper {

    @Select("SELECT COUNT(*) FROM app_user")
    long countUsers();

    @Insert("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) "
            + "VALUES (#{u.username}, #{u.displayName}, #{u.passwordHash}, TRUE, #{u.createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertUser(@Param("u") UserRow user, @Param("key") GeneratedKey key);

    @Select("SELECT id, username, display_name, password_hash, enabled, created_at FROM app_user WHERE username = #{username}")
    UserRow findUser(String username);

    @Select("SELECT id, username, display_name, password_hash, enabled, created_at FROM app_user WHERE id = #{id}")
    UserRow findUserById(long id);

    @Select("SELECT id, username, display_name, password_hash, enabled, created_at FROM app_user ORDER BY username")
    List<UserRow> allUsers();

    @Insert("INSERT INTO user_role (user_id, role) VALUES (#{userId}, #{role})")
    void insertRole(@Param("userId") long userId, @Param("role") Role role);

    @Select("SELECT role FROM user_role WHERE user_id = #{userId} ORDER BY role")
    List<Role> roles(long userId);

    @Select("SELECT id FROM team WHERE code = #{code}")
    Long findTeam(String code);

    @Insert("INSERT INTO team (code, name) VALUES (#{code}, #{name})")
    void insertTeam(@Param("code") String code, @Param("name") String name);

    @Insert("INSERT INTO team_queue (team_id, queue) VALUES (#{teamId}, #{queue})")
    void insertTeamQueue(@Param("teamId") long teamId, @Param("queue") String queue);

    @Insert("INSERT INTO team_member (team_id, user_id) VALUES (#{teamId}, #{userId})")
    void insertMember(@Param("teamId") long teamId, @Param("userId") long userId);

    @Select("SELECT t.code FROM team t JOIN team_member m ON m.team_id = t.id WHERE m.user_id = #{userId} ORDER BY t.code")
    List<String> teams(long userId);

    @Select("SELECT DISTINCT q.queue FROM team_queue q JOIN team_member m ON m.team_id = q.team_id "
            + "WHERE m.user_id = #{userId} ORDER BY q.queue")
    List<String> queues(long userId);

    @Insert("INSERT INTO user_session (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
            + "VALUES (#{idHash}, #{userId}, #{csrfToken}, #{createdAt}, #{lastSeenAt}, #{expiresAt})")
    void insertSession(SessionRow row);

    @Select("SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at FROM user_session WHERE id_hash = #{idHash}")
    SessionRow findSession(String idHash);

    @Update("UPDATE user_session SET last_seen_at = #{at} WHERE id_hash = #{idHash}")
    void touchSession(@Param("idHash") String idHash, @Param("at") Instant at);

    @Delete("DELETE FROM user_session WHERE id_hash = #{idHash}")
    void deleteSession(String idHash);

    @Delete("DELETE FROM user_session WHERE expires_at < #{now}")
    int deleteExpiredSessions(Instant now);

    @Insert("INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at, scope) "
            + "VALUES (#{userId}, #{name}, #{hash}, #{createdAt}, #{expiresAt}, #{scope})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertToken(@Param("userId") long userId, @Param("name") String name, @Param("hash") String hash,
                     @Param("createdAt") Instant createdAt, @Param("expiresAt") Instant expiresAt,
                     @Param("scope") String scope, @Param("key") GeneratedKey key);

    @Select("SELECT id, user_id, name, created_at, expires_at, revoked_at, last_used_at, scope FROM api_token WHERE token_hash = #{hash}")
    ApiToken findTokenByHash(String hash);

    @Select("SELECT id, user_id, name, created_at, expires_at, revoked_at, last_used_at, scope FROM api_token "
            + "WHERE user_id = #{userId} ORDER BY id")
    List<ApiToken> tokensOf(long userId);

    @Update("UPDATE api_token SET revoked_at = #{at} WHERE id = #{id} AND user_id = #{userId} AND revoked_at IS NULL")
    int revokeToken(@Param("id") long id, @Param("userId") long userId, @Param("at") Instant at);

    @Update("UPDATE api_token SET last_used_at = #{at} WHERE id = #{id}")
    void touchToken(@Param("id") long id, @Param("at") Instant at);
}
