package com.harborcrm.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer ({@code application/problem+json}). */
@RegisterForReflection
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per kind of error; "
        + "validation problems list the invalid fields in `errors`. Some problem types add members of their own.",
        additionalProperties = Schema.True.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errorId", "errors"})
public record Problem(
        @Schema(required = true, examples = "https://harbor-crm.dev/problems/validation") String type,
        @Schema(required = true, examples = "Some fields are not valid") String title,
        @Schema(required = true, examples = "400") int status,
        @Schema(examples = "email: must be a well-formed email address") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Id of the request, also in the server log and the X-Request-Id header") String requestId,
        @Schema(description = "Present on 500 answers: quote it when reporting the error") String errorId,
        @Schema(description = "Field errors of a validation problem") List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** Jackson must not also write the map itself. */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }

    public static Map<String, Object> members(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
