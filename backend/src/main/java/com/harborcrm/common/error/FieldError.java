package com.harborcrm.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "FieldError", description = "One invalid field: its JSON path and what is wrong with it.")
public record FieldError(
        @Schema(examples = "email") String field,
        @Schema(examples = "must be a well-formed email address") String message) {
}
