package io.careloop.engine.plugin;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The host's own tables: settings, switches, poll state and incidents of plugins. */
public interface PluginMapper {

    @Select("SELECT plugin_id, setting_key, setting_value, secret, updated_at FROM plugin_setting WHERE plugin_id = #{pluginId}")
    List<StoredSetting> settings(String pluginId);

    @Delete("DELETE FROM plugin_setting WHERE plugin_id = #{pluginId} AND setting_key = #{key}")
    int deleteSetting(@Param("pluginId") String pluginId, @Param("key") String key);

    @Insert("INSERT INTO plugin_setting (plugin_id, setting_key, setting_value, secret, updated_at) "
            + "VALUES (#{pluginId}, #{settingKey}, #{settingValue}, #{secret}, #{updatedAt})")
    void insertSetting(StoredSetting s);

    @Select("SELECT enabled FROM plugin_switch WHERE plugin_id = #{pluginId}")
    Boolean enabled(String pluginId);

    @Delete("DELETE FROM plugin_switch WHERE plugin_id = #{pluginId}")
    void deleteSwitch(String pluginId);

    @Insert("INSERT INTO plugin_switch (plugin_id, enabled, changed_by, changed_at) VALUES (#{pluginId}, #{enabled}, #{by}, #{at})")
    void insertSwitch(@Param("pluginId") String pluginId, @Param("enabled") boolean enabled, @Param("by") String by,
                      @Param("at") Instant at);

    @Select("SELECT state_value FROM plugin_source_state WHERE plugin_id = #{pluginId} AND source = #{source} AND state_key = #{key}")
    String state(@Param("pluginId") String pluginId, @Param("source") String source, @Param("key") String key);

    @Update("UPDATE plugin_source_state SET state_value = #{value} WHERE plugin_id = #{pluginId} AND source = #{source} AND state_key = #{key}")
    int updateState(@Param("pluginId") String pluginId, @Param("source") String source, @Param("key") String key,
                    @Param("value") String value);

    @Insert("INSERT INTO plugin_source_state (plugin_id, source, state_key, state_value) VALUES (#{pluginId}, #{source}, #{key}, #{value})")
    void insertState(@Param("pluginId") String pluginId, @Param("source") String source, @Param("key") String key,
                     @Param("value") String value);

    @Delete("DELETE FROM plugin_source_state WHERE plugin_id = #{pluginId} AND source = #{source} AND state_key = #{key}")
    void deleteState(@Param("pluginId") String pluginId, @Param("source") String source, @Param("key") String key);

    @Insert("INSERT INTO plugin_incident (plugin_id, operation, kind, message, occurred_at) "
            + "VALUES (#{pluginId}, #{operation}, #{kind}, #{message}, #{occurredAt})")
    void insertIncident(PluginIncident incident);

    @Select("SELECT id, plugin_id, operation, kind, message, occurred_at FROM plugin_incident WHERE plugin_id = #{pluginId} "
            + "ORDER BY id DESC LIMIT #{limit}")
    List<PluginIncident> incidents(@Param("pluginId") String pluginId, @Param("limit") int limit);
}
