package com.harborcrm.apikey;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.security.ApiKeyScope;

public final class ApiKeyDtos {

    private ApiKeyDtos() {
    }

    public enum ApiKeyStatus {
        ACTIVE, EXPIRED, REVOKED
    }

    @Schema(name = "ApiKey", description = "An API key as listed: never its secret")
    public record ApiKeyView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true, description = "The key's first characters, to tell keys apart",
                    examples = "hc_live_Ab12") String prefix,
            @Schema(required = true) List<ApiKeyScope> scopes,
            @Schema(required = true) int rateLimitPerMinute,
            @Schema(nullable = true, description = "When the key stops working; null: never") Instant expiresAt,
            @Schema(required = true) ApiKeyStatus status,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) long createdById,
            @Schema(required = true) String createdByName,
            @Schema(nullable = true, description = "Last request made with the key, to the minute") Instant lastUsedAt,
            @Schema(nullable = true) Instant revokedAt,
            @Schema(nullable = true) String revokedByName) {
    }

    @Schema(name = "CreateApiKeyRequest")
    public record CreateApiKeyRequest(
            @NotBlank @Size(max = 80) @Schema(required = true, maxLength = 80,
                    description = "What the key is for, e.g. \"Website inquiry form\"; the timeline shows it "
                            + "beside everything the key does") String name,
            @NotNull @Size(min = 1, max = 20) @Schema(required = true, type = SchemaType.ARRAY,
                    implementation = ApiKeyScope.class, description = "What the key may do; nothing else")
            List<@NotNull @Pattern(regexp = ApiKeyScope.PATTERN, message = ApiKeyScope.ONE_OF) String> scopes,
            @Future @Schema(description = "When the key stops working; default never")
            Instant expiresAt,
            @Min(1) @Max(100_000) @Schema(minimum = "1", maximum = "100000",
                    description = "Requests per minute; default 600") Integer rateLimitPerMinute) {
    }

    @Schema(name = "CreatedApiKey", description = "A new key with its secret, shown this once")
    public record CreatedApiKey(
            @Schema(required = true) ApiKeyView apiKey,
            @Schema(required = true, description = "The secret to send as `Authorization: Bearer ...`. Harbor keeps "
                    + "only its hash: copy it now.", examples = "hc_live_3kTq...") String token) {
    }

    @Schema(name = "ApiKeyPage")
    public record ApiKeyPage(@Schema(required = true) List<ApiKeyView> items,
            @Schema(nullable = true) String nextCursor) {
    }
}
