package io.careloop.plugins.phonelog;

import io.careloop.plugin.api.CallRecord;
import io.careloop.plugins.support.CsvInput;
import io.careloop.plugins.support.RowProblem;

/** One layout of call-log rows. */
interface CallFormat {

    /** Reads one data row, or names the field that is wrong. */
    CallRecord read(CsvInput.Row row) throws RowProblem;
}
