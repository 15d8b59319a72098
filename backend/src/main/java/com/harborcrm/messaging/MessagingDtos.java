package com.harborcrm.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.customer.CustomerFilter;

public final class MessagingDtos {

    /** One line of a header: no CR or LF (header injection), no NUL. */
    public static final String ONE_LINE = "[^\\r\\n\\x00]*";
    public static final String ONE_LINE_MESSAGE = "must be one line (no line breaks)";
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_EMAIL_BODY = 20_000;
    /** Ten SMS segments of 160 GSM characters: providers refuse longer bodies. */
    public static final int MAX_SMS_BODY = 1_600;
    public static final int MAX_TEMPLATES = 200;

    private MessagingDtos() {
    }

    // ---- Channels (settings) ----

    @Schema(name = "EmailChannelSettings", description = "SMTP. The password is never returned: `passwordSet` says whether one is stored.")
    public record EmailSettingsView(
            @Schema(required = true) boolean enabled,
            @Schema(nullable = true) String host,
            @Schema(nullable = true) Integer port,
            @Schema(required = true) SmtpSecurity security,
            @Schema(nullable = true) String username,
            @Schema(required = true) boolean passwordSet,
            @Schema(nullable = true) String fromAddress,
            @Schema(nullable = true) String fromName,
            @Schema(nullable = true) String replyTo) {
    }

    @Schema(name = "SmsChannelSettings", description = "An SMS provider with a Twilio-shaped REST API (form-encoded "
            + "POST with basic auth, status callbacks). The token is never returned: `tokenSet` says whether one is stored.")
    public record SmsSettingsView(
            @Schema(required = true) boolean enabled,
            @Schema(nullable = true) String baseUrl,
            @Schema(nullable = true) String accountId,
            @Schema(required = true) boolean tokenSet,
            @Schema(nullable = true) String fromNumber) {
    }

    @Schema(name = "InboundEndpoints", description = "Where providers send delivery reports and inbound messages for this store.")
    public record InboundView(
            @Schema(required = true, description = "Signed JSON events of the mail provider (inbound mail, delivered, bounced)") String emailEventsUrl,
            @Schema(required = true, description = "The SMS provider's status callback and inbound SMS URL") String smsCallbackUrl,
            @Schema(required = true, description = "Whether a signing secret for inbound e-mail events exists (shown once when made)") boolean emailSecretSet) {
    }

    @Schema(name = "MessagingSettings")
    public record SettingsView(
            @Schema(required = true) EmailSettingsView email,
            @Schema(required = true) SmsSettingsView sms,
            @Schema(required = true, description = "E-mails the store may send per day (its time zone), campaigns and one-to-one together") int dailyEmailCap,
            @Schema(required = true) int dailySmsCap,
            @Schema(required = true, description = "Campaign messages sent per minute at most") int campaignRatePerMinute,
            @Schema(required = true) InboundView inbound,
            @Schema(required = true, description = "False when the server has no encryption key: passwords and tokens cannot be stored") boolean secretsStorable,
            @Schema(required = true) long version) {
    }

    @Schema(name = "EmailChannelInput", description = "`password` left out keeps the stored one; an empty string removes it.")
    public record EmailSettingsInput(
            @NotNull @Schema(required = true) Boolean enabled,
            @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9.-]*", message = "must be a host name or an IPv4 address") String host,
            @Min(1) @Max(65535) Integer port,
            SmtpSecurity security,
            @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String username,
            @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) @Schema(writeOnly = true) String password,
            @Email @Size(max = 254) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String fromAddress,
            @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String fromName,
            @Email @Size(max = 254) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String replyTo) {
    }

    @Schema(name = "SmsChannelInput", description = "`token` left out keeps the stored one; an empty string removes it.")
    public record SmsSettingsInput(
            @NotNull @Schema(required = true) Boolean enabled,
            @Size(max = 2000) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL") String baseUrl,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "must be letters, digits, - or _") String accountId,
            @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) @Schema(writeOnly = true) String token,
            @Size(max = 32) @Pattern(regexp = "(\\+?[0-9]{3,20}|[A-Za-z0-9]{1,11})?", message = "must be a phone number such as +8613800138000 or a sender name of up to 11 letters and digits") String fromNumber) {
    }

    @Schema(name = "UpdateMessagingSettingsRequest")
    public record UpdateSettingsRequest(
            @NotNull @Valid @Schema(required = true) EmailSettingsInput email,
            @NotNull @Valid @Schema(required = true) SmsSettingsInput sms,
            @NotNull @Min(0) @Max(1_000_000) @Schema(required = true) Integer dailyEmailCap,
            @NotNull @Min(0) @Max(1_000_000) @Schema(required = true) Integer dailySmsCap,
            @NotNull @Min(1) @Max(100_000) @Schema(required = true) Integer campaignRatePerMinute) {
    }

    @Schema(name = "InboundSecret", description = "The signing secret of inbound e-mail events: shown this once.")
    public record InboundSecret(@Schema(required = true) String secret, @Schema(required = true) String emailEventsUrl) {
    }

    @Schema(name = "TestMessageRequest")
    public record TestMessageRequest(
            @NotNull @Schema(required = true) MessageChannel channel,
            @NotBlank @Size(max = 254) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
            @Schema(required = true, description = "An e-mail address or a phone number") String to) {
    }

    @Schema(name = "TestMessageResult")
    public record TestMessageResult(@Schema(required = true) MessageChannel channel, @Schema(required = true) String to,
            @Schema(nullable = true, description = "The id the server or provider gave it") String providerId) {
    }

    // ---- Templates ----

    @Schema(name = "MessageTemplateRequest", description = "Placeholders such as `{{name}}`, `{{companyName}}`, "
            + "`{{owner.name}}`, `{{cf.<key>}}` (custom fields) and `{{unsubscribeUrl}}`; `{{name|there}}` gives a "
            + "fallback for an empty value. An unknown placeholder is refused here, not when sending.")
    public record TemplateRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) @Schema(required = true) String name,
            @NotNull @Schema(required = true) MessageChannel channel,
            @NotNull @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") @Schema(required = true, enumeration = {"en", "zh-CN"}) String language,
            @Size(max = MAX_SUBJECT) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) @Schema(description = "E-mail only; required there") String subject,
            @NotBlank @Size(max = MAX_EMAIL_BODY) @Schema(required = true, description = "Plain text; at most 1,600 characters for SMS") String body) {
    }

    @Schema(name = "MessageTemplate")
    public record TemplateView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true) MessageChannel channel,
            @Schema(required = true, enumeration = {"en", "zh-CN"}) String language,
            @Schema(nullable = true) String subject,
            @Schema(required = true) String body,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version) {
    }

    @Schema(name = "MessageTemplateList")
    public record TemplateList(@Schema(required = true) List<TemplateView> items) {
    }

    @Schema(name = "Placeholder")
    public record Placeholder(@Schema(required = true, examples = "companyName") String key,
            @Schema(required = true, description = "What it stands for, in English") String description) {
    }

    @Schema(name = "PlaceholderList")
    public record PlaceholderList(@Schema(required = true) List<Placeholder> items) {
    }

    @Schema(name = "MessagePreviewRequest", description = "A template's text (saved or not) rendered for one customer.")
    public record PreviewRequest(
            @NotNull @Schema(required = true) MessageChannel channel,
            @Size(max = MAX_SUBJECT) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String subject,
            @NotBlank @Size(max = MAX_EMAIL_BODY) @Schema(required = true) String body,
            @NotNull @Schema(required = true) Long customerId) {
    }

    @Schema(name = "RenderedMessage")
    public record Rendered(
            @Schema(nullable = true) String subject,
            @Schema(required = true, description = "Plain text as sent") String text,
            @Schema(nullable = true, description = "The HTML part of an e-mail: the text escaped, in paragraphs") String html) {
    }

    // ---- Messages ----

    @Schema(name = "SendMessageRequest", description = "A template, or a subject and body written here (e-mail "
            + "needs a subject). The message is sent at once; when the server accepts it, it becomes a follow-up.")
    public record SendMessageRequest(
            @NotNull @Schema(required = true) MessageChannel channel,
            Long templateId,
            @Size(max = MAX_SUBJECT) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String subject,
            @Size(max = MAX_EMAIL_BODY) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String body) {
    }

    @Schema(name = "Message")
    public record MessageView(
            @Schema(required = true) long id,
            @Schema(required = true) long customerId,
            @Schema(required = true) String customerName,
            @Schema(required = true) MessageChannel channel,
            @Schema(required = true, enumeration = {"OUT", "IN"}) String direction,
            @Schema(required = true) MessageStatus status,
            @Schema(nullable = true) SkipReason skipReason,
            @Schema(nullable = true) String address,
            @Schema(nullable = true, description = "As sent; a campaign message's is set when it goes out") String subject,
            @Schema(nullable = true, description = "Left out for campaign e-mail: its text is the campaign's, rendered") String body,
            @Schema(nullable = true) Long campaignId,
            @Schema(nullable = true) String campaignName,
            @Schema(nullable = true) Long senderId,
            @Schema(nullable = true) String senderName,
            @Schema(nullable = true, description = "Why it failed or bounced, as the server or provider said it") String error,
            @Schema(nullable = true) Long followUpId,
            @Schema(required = true) Instant createdAt,
            @Schema(nullable = true) Instant sentAt,
            @Schema(required = true) Instant updatedAt) {
    }

    @Schema(name = "MessagePage")
    public record MessagePage(@Schema(required = true) List<MessageView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    // ---- Consent ----

    @Schema(name = "ChannelConsent")
    public record ChannelConsent(
            @Schema(nullable = true, description = "null: never asked (campaigns skip the customer)") Boolean optedIn,
            @Schema(nullable = true) ConsentSource source,
            @Schema(nullable = true) Instant changedAt) {
    }

    @Schema(name = "Consent", description = "Whether the customer agreed to campaigns per channel.")
    public record ConsentView(@Schema(required = true) ChannelConsent email, @Schema(required = true) ChannelConsent sms) {
    }

    @Schema(name = "UpdateConsentRequest", description = "Members present change (`emailOptIn`, `smsOptIn`).")
    public record UpdateConsentRequest(Boolean emailOptIn, Boolean smsOptIn) {
    }

    // ---- Campaigns ----

    @Schema(name = "CampaignSegment", description = "Exactly one of: a screening filter, a saved view, or customer ids.")
    public record Segment(@Valid CustomerFilter filter, Long viewId,
            @Size(max = 10_000) List<@NotNull Long> customerIds) {
    }

    @Schema(name = "CampaignRequest")
    public record CampaignRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) @Schema(required = true) String name,
            @NotNull @Schema(required = true) Long templateId,
            @NotNull @Valid @Schema(required = true) Segment segment,
            @Schema(nullable = true, description = "When to send; null: when `send` is called") Instant scheduledAt,
            @Schema(description = "True: the follow-ups it writes leave the pool timers alone (default false)") Boolean keepPoolTimers) {
    }

    @Schema(name = "CampaignCounts")
    public record Counts(@Schema(required = true) int recipients, @Schema(required = true) int queued,
            @Schema(required = true) int sent, @Schema(required = true) int delivered,
            @Schema(required = true) int bounced, @Schema(required = true) int failed,
            @Schema(required = true) int skipped, @Schema(required = true) int cancelled) {
    }

    @Schema(name = "Campaign")
    public record CampaignView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true) MessageChannel channel,
            @Schema(required = true) long templateId,
            @Schema(required = true) String templateName,
            @Schema(required = true) Segment segment,
            @Schema(required = true) CampaignStatus status,
            @Schema(nullable = true) Instant scheduledAt,
            @Schema(required = true) boolean keepPoolTimers,
            @Schema(required = true) Counts counts,
            @Schema(required = true) long createdBy,
            @Schema(required = true) String createdByName,
            @Schema(required = true) Instant createdAt,
            @Schema(nullable = true) Instant startedAt,
            @Schema(nullable = true) Instant finishedAt,
            @Schema(required = true) long version) {
    }

    @Schema(name = "CampaignPage")
    public record CampaignPage(@Schema(required = true) List<CampaignView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    @Schema(name = "CampaignDryRun", description = "Who would get it now, who not and why, and the first recipient's copy.")
    public record DryRun(
            @Schema(required = true) int recipients,
            @Schema(required = true, description = "Left out, by reason") Map<SkipReason, Integer> skipped,
            @Schema(nullable = true) Long sampleCustomerId,
            @Schema(nullable = true) Rendered sample) {
    }

    @Schema(name = "InboundEmailEvent", description = "What a mail provider posts: a message from a customer "
            + "(`inbound`), or a report on a message Harbor sent (`delivered`, `bounced`, `failed`, naming its Message-ID).")
    public record InboundEmailEvent(
            @Schema(required = true, enumeration = {"inbound", "delivered", "bounced", "failed"}, maxLength = 16) String type,
            @Schema(maxLength = 320, description = "inbound: the From header, e.g. `Ana Souza <ana@souza.com.br>`") String from,
            @Schema(maxLength = 998, description = "inbound: the subject") String subject,
            @Schema(maxLength = 100_000, description = "inbound: the plain-text body") String text,
            @Schema(maxLength = 998, description = "reports: the Message-ID Harbor's mail went out with") String messageId,
            @Schema(maxLength = 1000, description = "reports: why it bounced or failed") String reason) {
    }

    // ---- Unsubscribe ----

    @Schema(name = "UnsubscribeStatus")
    public record UnsubscribeStatus(
            @Schema(required = true) String storeName,
            @Schema(required = true) MessageChannel channel,
            @Schema(required = true, description = "The address, partly hidden") String address,
            @Schema(required = true) boolean unsubscribed) {
    }
}
