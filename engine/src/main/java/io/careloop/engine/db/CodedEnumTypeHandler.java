package io.careloop.engine.db;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores a {@link Coded} enum as its code. */
public final class CodedEnumTypeHandler<E extends Enum<E> & Coded> extends BaseTypeHandler<E> {

    private final Class<E> type;
    private final Map<String, E> byCode = new HashMap<>();

    public CodedEnumTypeHandler(Class<E> type) {
        this.type = type;
        for (E e : type.getEnumConstants()) {
            byCode.put(e.code(), e);
        }
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, E parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, parameter.code());
    }

    @Override
    public E getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return decode(rs.getString(columnName));
    }

    @Override
    public E getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return decode(rs.getString(columnIndex));
    }

    @Override
    public E getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return decode(cs.getString(columnIndex));
    }

    private E decode(String code) {
        if (code == null) {
            return null;
        }
        E e = byCode.get(code);
        if (e == null) {
            throw new IllegalStateException("unknown " + type.getSimpleName() + " code in the database: " + code);
        }
        return e;
    }
}
