package io.careloop.engine.plugin;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface ImportRunMapper {

    String RUN_COLUMNS = "id, plugin_id, file_name, preset, status, items_read AS read, accepted, duplicate, rejected, "
            + "progress_done, progress_total, preamble, error, replay_of, created_by, created_at, finished_at, "
            + "ignored, ignored_reasons, attempts, next_attempt_at";

    @Insert("INSERT INTO import_run (plugin_id, file_name, preset, status, progress_total, replay_of, created_by, created_at) "
            + "VALUES (#{r.pluginId}, #{r.fileName}, #{r.preset}, #{r.status}, #{r.progressTotal}, #{r.replayOf}, "
            + "#{r.createdBy}, #{r.createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insert(@Param("r") ImportRun run, @Param("key") io.careloop.engine.db.GeneratedKey key);

    @Select("SELECT " + RUN_COLUMNS + " FROM import_run WHERE id = #{id}")
    ImportRun find(long id);

    @Update("UPDATE import_run SET status = #{status}, items_read = #{read}, accepted = #{accepted}, duplicate = #{duplicate}, "
            + "rejected = #{rejected}, progress_done = #{progressDone}, progress_total = #{progressTotal}, "
            + "preamble = #{preamble}, error = #{error}, finished_at = #{finishedAt}, ignored = #{ignored}, "
            + "ignored_reasons = #{ignoredReasons}, attempts = #{attempts}, next_attempt_at = #{nextAttemptAt} WHERE id = #{id}")
    void save(ImportRun run);

    @Insert("INSERT INTO import_rejection (run_id, position, field, message, raw, state, created_at) "
            + "VALUES (#{runId}, #{position}, #{field}, #{message}, #{raw}, 'open', #{createdAt})")
    void insertRejection(Rejection r);

    @Select("SELECT id, run_id, position, field, message, raw, state, replay_run, created_at FROM import_rejection "
            + "WHERE run_id = #{runId} AND id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<Rejection> rejections(@Param("runId") long runId, @Param("afterId") long afterId, @Param("limit") int limit);

    @Select("SELECT id, run_id, position, field, message, raw, state, replay_run, created_at FROM import_rejection "
            + "WHERE id = #{id}")
    Rejection rejection(long id);

    @Update("UPDATE import_rejection SET state = 'replayed', replay_run = #{replayRun} WHERE id = #{id} AND state = 'open'")
    int markReplayed(@Param("id") long id, @Param("replayRun") long replayRun);

    @Select("SELECT " + RUN_COLUMNS + " FROM import_run WHERE status IN ('queued', 'running', 'retrying')")
    List<ImportRun> unfinished();
}
