package io.careloop.engine.studio;

import java.util.List;

/** A deployment refused before anything reached the engine: every error found, none deployed. */
public class DeploymentRejectedException extends RuntimeException {

    private final List<ValidationError> errors;

    public DeploymentRejectedException(List<ValidationError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the diagrams; nothing was deployed");
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
