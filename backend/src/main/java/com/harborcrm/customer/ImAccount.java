package com.harborcrm.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Also read and written by Hibernate's own Jackson mapper (the im_accounts jsonb column): registered for native. */
@RegisterForReflection
@Schema(name = "ImAccount", description = "An instant-messaging account of the customer.")
public record ImAccount(
        @NotNull @Schema(required = true) ImChannel channel,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "john_doe88") String handle) {
}
