package com.harborcrm.customfield;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;

public final class CustomFieldDtos {

    private CustomFieldDtos() {
    }

    @Schema(name = "CreateCustomFieldRequest")
    public record CreateCustomFieldRequest(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must start with a-z and contain only a-z, 0-9 and _ (at most 40)")
            @Schema(required = true, maxLength = 40, examples = "incoterm", description = "Key of the value in a customer's customFields; cannot change later") String key,
            @NotBlank @Size(max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(required = true, examples = "Preferred incoterm") String label,
            @NotNull @Schema(required = true, description = "Cannot change later") CustomFieldType type,
            @Size(max = 100) @Schema(description = "The choices of SELECT and MULTI_SELECT (required for them, not allowed otherwise)")
            List<@NotBlank @Size(max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String> options,
            @Schema(description = "A value is required on every customer create and update. Default false.") Boolean required) {
    }

    @Schema(name = "UpdateCustomFieldRequest", description = "Only the fields present change; key and type are fixed.")
    public record UpdateCustomFieldRequest(
            @Size(min = 1, max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) @Schema(nullable = false) String label,
            @Size(max = 100) @Schema(nullable = false)
            List<@NotBlank @Size(max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String> options,
            @Schema(nullable = false) Boolean required) {
    }

    @Schema(name = "CustomField")
    public record CustomFieldView(
            @Schema(required = true) long id,
            @Schema(required = true) String key,
            @Schema(required = true) String label,
            @Schema(required = true) CustomFieldType type,
            @Schema(required = true) List<String> options,
            @Schema(required = true) boolean required,
            @Schema(required = true) long version) {

        static CustomFieldView of(CustomFieldDefinition d) {
            return new CustomFieldView(d.id, d.key, d.label, d.type, List.copyOf(d.options), d.required, d.version);
        }
    }

    @Schema(name = "CustomFieldList")
    public record CustomFieldList(@Schema(required = true) List<CustomFieldView> items) {
    }
}
