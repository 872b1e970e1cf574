package io.careloop.web.studio;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.studio.DiagramValidator;
import io.careloop.engine.studio.StudioFile;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The diagram files of a multipart request (field {@code file}, once or more), each read to one byte past the limit. */
final class Uploads {

    private Uploads() {
    }

    static List<StudioFile> diagrams(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidInputException("file", "send the diagrams as multipart/form-data, one or more fields 'file'");
        }
        List<UploadedFile> uploaded = ctx.uploadedFiles("file");
        if (uploaded.isEmpty()) {
            throw new InvalidInputException("file", "field 'file' is missing: send one or more .bpmn or .dmn files");
        }
        List<StudioFile> files = new ArrayList<>();
        for (UploadedFile f : uploaded) {
            try (InputStream in = f.content()) {
                // a larger file is refused by the validator by its size; never read it whole
                files.add(new StudioFile(f.filename(), in.readNBytes(DiagramValidator.MAX_FILE_BYTES + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
