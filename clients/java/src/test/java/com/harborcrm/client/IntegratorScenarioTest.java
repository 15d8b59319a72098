package com.harborcrm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.client.api.ApiKeysApi;
import com.harborcrm.client.api.AuthApi;
import com.harborcrm.client.api.CustomFieldsApi;
import com.harborcrm.client.api.CustomersApi;
import com.harborcrm.client.api.FollowUpsApi;
import com.harborcrm.client.api.InquiriesApi;
import com.harborcrm.client.api.PoolApi;
import com.harborcrm.client.api.StatisticsApi;
import com.harborcrm.client.api.UsersApi;
import com.harborcrm.client.api.WebhooksApi;
import com.harborcrm.client.model.ApiKeyScope;
import com.harborcrm.client.model.AssignRequest;
import com.harborcrm.client.model.CreateApiKeyRequest;
import com.harborcrm.client.model.CreateCustomFieldRequest;
import com.harborcrm.client.model.CreateCustomerRequest;
import com.harborcrm.client.model.CreateFollowUpRequest;
import com.harborcrm.client.model.CreateUserRequest;
import com.harborcrm.client.model.CreatedApiKey;
import com.harborcrm.client.model.Customer;
import com.harborcrm.client.model.CustomFieldType;
import com.harborcrm.client.model.CustomerPatch;
import com.harborcrm.client.model.CustomerStage;
import com.harborcrm.client.model.FollowUpType;
import com.harborcrm.client.model.InquiryChannel;
import com.harborcrm.client.model.InquiryContact;
import com.harborcrm.client.model.InquiryRequest;
import com.harborcrm.client.model.InquiryResult;
import com.harborcrm.client.model.Role;
import com.harborcrm.client.model.SignupRequest;
import com.harborcrm.client.model.SignupResponse;
import com.harborcrm.client.model.TimelineEntry;
import com.harborcrm.client.model.CreateWebhookRequest;
import com.harborcrm.client.model.CreatedWebhook;
import com.harborcrm.client.model.WebhookDelivery;
import com.harborcrm.client.model.WebhookDeliveryStatus;
import com.harborcrm.client.model.WebhookEventType;
import com.sun.net.httpserver.HttpServer;

/**
 * What an integrator does, through the generated client only: an admin opens a store and makes a scoped API key;
 * the key's bot files a customer with a custom field, finds it again by that field, edits it with a merge patch
 * under If-Match, logs a follow-up, receives a repeat inquiry and hands the customer to a rep; the timeline names
 * the key; what the key may not do is refused; a revoked key stops. Every answer is read strictly (unknown
 * properties fail), so a contract that drifts from the server fails here.
 */
class IntegratorScenarioTest {

    private static final String URL = System.getProperty("harbor.url", "");
    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(URL);
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static String problemType(ApiException e) throws Exception {
        JsonNode problem = PROBLEMS.readTree(e.getResponseBody());
        return problem.get("type").asText().replace("https://harbor-crm.dev/problems/", "");
    }

    @Test
    void aBotWorksWithAScopedKey() throws Exception {
        Assumptions.assumeFalse(URL.isBlank(), "set -Dharbor.url to the backend under test");
        String unique = UUID.randomUUID().toString().substring(0, 8);

        SignupResponse signup = new AuthApi(client(null)).signup(new SignupRequest().storeName("Integrator " + unique)
                .name("Ada Admin").email("ada-" + unique + "@example.com").password("correct-horse-battery"));
        ApiClient admin = client(signup.getToken());
        long rep = new UsersApi(admin).createUser(new CreateUserRequest().name("Rita Rep")
                .email("rita-" + unique + "@example.com").password("correct-horse-battery").role(Role.REP)).getId();
        new CustomFieldsApi(admin).createCustomField(new CreateCustomFieldRequest().key("incoterm").label("Incoterm")
                .type(CustomFieldType.TEXT));
        CreatedApiKey created = new ApiKeysApi(admin).createApiKey(new CreateApiKeyRequest().name("Website bot")
                .scopes(List.of(ApiKeyScope.CUSTOMERS_READ, ApiKeyScope.CUSTOMERS_WRITE, ApiKeyScope.INQUIRIES_WRITE,
                        ApiKeyScope.POOL_WRITE)));
        assertTrue(created.getToken().startsWith("hc_live_"));

        ApiClient bot = client(created.getToken());
        CustomersApi customers = new CustomersApi(bot);
        String email = "buyer-" + unique + "@example.com";
        Customer customer = customers.createCustomer(new CreateCustomerRequest().name("Lena Buyer")
                .companyName("Buyer GmbH").email(email).country("DE").customFields(Map.of("incoterm", "FOB")), null);
        assertNull(customer.getOwnerId(), "what a key creates without an owner goes to the pool");

        var found = customers.listCustomersWithHttpInfo(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, List.of("incoterm:FOB"), null, null, null, null, null, 100L);
        assertEquals(List.of(customer.getId()), found.getData().getItems().stream().map(Customer::getId).toList());
        // A first page counted up to a bound: exact here, as it holds fewer matches than the bound.
        assertEquals(1L, found.getData().getTotal());
        assertEquals(Boolean.FALSE, found.getData().getTotalCapped());
        assertEquals("600", found.getHeaders().get("ratelimit-limit").get(0));

        var current = customers.getCustomerWithHttpInfo(customer.getId());
        String etag = current.getHeaders().get("etag").get(0);
        Customer edited = customers.updateCustomer(customer.getId(), new CustomerPatch().stage(CustomerStage.SAMPLE_ORDER)
                .stars(3).companyName(null), null, etag);
        assertEquals(CustomerStage.SAMPLE_ORDER, edited.getStage());
        assertEquals(3, edited.getStars());
        assertNull(edited.getCompanyName());
        ApiException stale = assertThrows(ApiException.class, () -> customers.updateCustomer(customer.getId(),
                new CustomerPatch().stars(1), null, etag));
        assertEquals(412, stale.getCode());

        new FollowUpsApi(bot).createFollowUp(customer.getId(), new CreateFollowUpRequest().type(FollowUpType.EMAIL)
                .content("Sent the catalogue from the website"));
        InquiryResult inquiry = new InquiriesApi(bot).receiveInquiry("inquiry-" + unique, new InquiryRequest()
                .channel(InquiryChannel.WEBSITE).message("Price for 500 units?")
                .contact(new InquiryContact().name("Lena Buyer").email(email)));
        assertTrue(inquiry.getRepeat());
        assertEquals(customer.getId(), inquiry.getCustomerId());

        var assigned = new PoolApi(bot).assignCustomers(new AssignRequest().customerIds(List.of(customer.getId())).userId(rep));
        assertEquals(List.of(customer.getId()), assigned.getAssigned());
        assertEquals(rep, new CustomersApi(admin).getCustomer(customer.getId()).getOwnerId());

        List<TimelineEntry> timeline = new CustomersApi(admin).getCustomerTimeline(customer.getId(), null, null).getItems();
        TimelineEntry creation = timeline.stream().filter(e -> "CREATED".equals(e.getType())).findFirst().orElseThrow();
        assertEquals("Website bot", creation.getActorName());
        assertEquals(TimelineEntry.ActorKindEnum.API_KEY, creation.getActorKind());

        ApiException unscoped = assertThrows(ApiException.class, () -> new StatisticsApi(bot).getRepStats(null, null));
        assertEquals(403, unscoped.getCode());
        assertEquals("scope-missing", problemType(unscoped));
        ApiException forPeople = assertThrows(ApiException.class, () -> new UsersApi(bot).listUsers(null, null));
        assertEquals(403, forPeople.getCode());

        new ApiKeysApi(admin).revokeApiKey(created.getApiKey().getId());
        ApiException revoked = assertThrows(ApiException.class, () -> customers.getCustomer(customer.getId()));
        assertEquals(401, revoked.getCode());
    }

    record Received(String id, String timestamp, String signature, String body) {
    }

    /**
     * A key with webhooks:manage subscribes a real endpoint on this machine; the running backend's own dispatcher
     * (its scheduler, not a test hook) delivers a signed customer.created that verifies as Standard Webhooks says,
     * and the delivery log shows it delivered.
     */
    @Test
    void aKeySubscribesAndReceivesSignedWebhooks() throws Exception {
        Assumptions.assumeFalse(URL.isBlank(), "set -Dharbor.url to the backend under test");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            SignupResponse signup = new AuthApi(client(null)).signup(new SignupRequest().storeName("Hooks " + unique)
                    .name("Ada Admin").email("ada-hooks-" + unique + "@example.com").password("correct-horse-battery"));
            CreatedApiKey key = new ApiKeysApi(client(signup.getToken())).createApiKey(new CreateApiKeyRequest()
                    .name("ERP sync").scopes(List.of(ApiKeyScope.WEBHOOKS_MANAGE, ApiKeyScope.CUSTOMERS_WRITE)));
            ApiClient bot = client(key.getToken());
            WebhooksApi webhooks = new WebhooksApi(bot);
            CreatedWebhook hook = webhooks.createWebhook(new CreateWebhookRequest()
                    .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks").description("ERP sync")
                    .eventTypes(List.of(WebhookEventType.CUSTOMER_CREATED)));
            assertTrue(hook.getSecret().startsWith("whsec_"));

            Customer customer = new CustomersApi(bot).createCustomer(new CreateCustomerRequest().name("Hook Buyer"), null);
            Received delivery = received.poll(20, TimeUnit.SECONDS);
            assertTrue(delivery != null, "a delivery within 20 s");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(hook.getSecret().substring("whsec_".length())),
                    "HmacSHA256"));
            byte[] expected = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                    .getBytes(StandardCharsets.UTF_8));
            assertTrue(delivery.signature().startsWith("v1,"));
            assertTrue(MessageDigest.isEqual(expected, Base64.getDecoder().decode(delivery.signature().substring(3))));
            JsonNode body = PROBLEMS.readTree(delivery.body());
            assertEquals("customer.created", body.get("type").asText());
            assertEquals(customer.getId().longValue(), body.get("data").get("customerId").asLong());

            WebhookDelivery logged = null;
            for (int i = 0; i < 50 && (logged == null || logged.getStatus() != WebhookDeliveryStatus.DELIVERED); i++) {
                Thread.sleep(100);
                logged = webhooks.listWebhookDeliveries(hook.getWebhook().getId(), null, null, null).getItems().get(0);
            }
            assertEquals(WebhookDeliveryStatus.DELIVERED, logged.getStatus());
            assertEquals(delivery.id(), logged.getMessageId());
            assertEquals(204, logged.getLastStatusCode());
        } finally {
            receiver.stop(0);
        }
    }
}
