package com.harborcrm.view;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;
import com.harborcrm.customer.CustomerFilter;
import com.harborcrm.customer.CustomerSort;

public final class SavedViewDtos {

    private SavedViewDtos() {
    }

    @Schema(name = "SavedViewRequest", description = "Create: name required. Update: members present change.")
    public record SavedViewRequest(
            @NotBlank @Size(max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(examples = "Hot US leads") String name,
            @Valid @Schema(description = "Default: no criteria") CustomerFilter filter,
            @Size(max = 40) @Schema(description = CustomerSort.DESCRIPTION, examples = "-score") String sort) {
    }

    @Schema(name = "SavedView")
    public record SavedViewView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true) CustomerFilter filter,
            @Schema(required = true) String sort,
            @Schema(required = true) long version) {
    }

    @Schema(name = "SavedViewList")
    public record SavedViewList(@Schema(required = true) List<SavedViewView> items,
            @Schema(required = true, nullable = true, description = "Always null: all views fit one page") String nextCursor) {
    }
}
