package com.harborcrm.tag;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;

public final class TagDtos {

    static final String COLOR = "#[0-9A-Fa-f]{6}";
    static final String COLOR_MESSAGE = "must be a colour as #RRGGBB";

    private TagDtos() {
    }

    @Schema(name = "CreateTagRequest")
    public record CreateTagRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(required = true, examples = "Key account") String name,
            @NotNull @Pattern(regexp = COLOR, message = COLOR_MESSAGE) @Schema(required = true, maxLength = 7, examples = "#E53935") String color,
            @Size(max = 60) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) @Schema(examples = "Size") String group) {
    }

    @Schema(name = "UpdateTagRequest", description = "JSON merge patch: members present change; `group: null` clears the group.")
    public record UpdateTagRequest(
            @Size(min = 1, max = 60) @Schema(nullable = false) String name,
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) @Schema(nullable = false, maxLength = 7) String color,
            @Size(max = 60) String group) {
    }

    @Schema(name = "Tag")
    public record TagView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true) String color,
            @Schema(nullable = true) String group,
            @Schema(required = true, description = "Customers carrying the tag") long customerCount,
            @Schema(required = true) long version) {
    }

    @Schema(name = "TagList")
    public record TagList(@Schema(required = true) List<TagView> items,
            @Schema(required = true, nullable = true, description = "Always null: all tags fit one page") String nextCursor) {
    }

    @Schema(name = "SetCustomerTagsRequest")
    public record SetCustomerTagsRequest(
            @NotNull @Size(max = 100) @Schema(required = true, description = "The complete new set of tag ids")
            List<@NotNull Long> tagIds) {
    }
}
