package com.harborcrm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

        var found = customers.listCustomersWithHttpInfo(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, List.of("incoterm:FOB"), null, null, null, null, null);
        assertEquals(List.of(customer.getId()), found.getData().getItems().stream().map(Customer::getId).toList());
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
}
