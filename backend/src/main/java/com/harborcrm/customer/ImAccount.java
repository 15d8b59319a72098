package com.harborcrm.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImAccount", description = "An instant-messaging account of the customer.")
public record ImAccount(
        @NotNull @Schema(required = true) ImChannel channel,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "john_doe88") String handle) {
}
