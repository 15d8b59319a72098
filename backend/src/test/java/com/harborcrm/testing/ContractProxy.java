package com.harborcrm.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Sends the API tests' requests through Prism (a contract-validating proxy, see `make api-contract-test`) when
 * the system property {@code contract-proxy.port} names its port, so that an answer breaking openapi.yaml
 * fails the test that caused it: Prism with --errors turns it into a 500 problem listing the violations.
 *
 * <p>Only requests Prism can judge go through it: an operation of the contract, with a bearer token if the
 * operation is secured. The rest are sent straight to the backend, because Prism would answer them itself
 * without asking the backend (unknown routes and methods, /q/*, missing tokens) and the deliberately bad requests
 * among them test the backend's answer, not Prism's. Prism runs with --validate-request=false so that the
 * negative tests' invalid input still reaches the backend, whose problem answers are validated like the rest.
 */
public final class ContractProxy implements Filter {

    public static final String PORT_PROPERTY = "contract-proxy.port";
    private static final String VIOLATIONS = "https://stoplight.io/prism/errors#VIOLATIONS";

    /** Every contract violation seen, to be reported once more at the end of the run. */
    public static final List<String> violations = new CopyOnWriteArrayList<>();

    private static volatile boolean installed;

    private final int proxyPort;
    private volatile List<Operation> operations;

    private record Operation(String method, Pattern path, boolean secured) {
    }

    private ContractProxy(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** Registers the filter once for the whole run if the property is set; a no-op otherwise. */
    public static synchronized void installIfConfigured() {
        String port = System.getProperty(PORT_PROPERTY);
        if (installed || port == null || port.isBlank()) {
            return;
        }
        RestAssured.filters(new ContractProxy(Integer.parseInt(port.trim())));
        installed = true;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        URI uri = URI.create(request.getURI());
        // auth().oauth2(token) becomes the Authorization header only after the filters.
        boolean hasToken = request.getHeaders().hasHeaderWithName("Authorization")
                || !(request.getAuthenticationScheme() instanceof io.restassured.authentication.NoAuthScheme);
        if (!judgedByPrism(request.getMethod(), uri.getPath(), hasToken, uri.getPort())) {
            return context.next(request, response);
        }
        request.port(proxyPort);
        Response answer = context.next(request, response);
        if (answer.statusCode() == 500 && answer.asString().contains(VIOLATIONS)) {
            violations.add(request.getMethod() + " " + uri.getPath() + ": " + answer.asString());
        }
        return answer;
    }

    private boolean judgedByPrism(String method, String path, boolean hasToken, int backendPort) {
        for (Operation operation : operations(backendPort)) {
            if (operation.method().equalsIgnoreCase(method) && operation.path().matcher(path).matches()) {
                return hasToken || !operation.secured();
            }
        }
        return false;
    }

    /** The operations of the served contract (the same document as openapi.yaml: ContractTest), read once. */
    private List<Operation> operations(int backendPort) {
        if (operations == null) {
            synchronized (this) {
                if (operations == null) {
                    operations = read(backendPort);
                }
            }
        }
        return operations;
    }

    private static List<Operation> read(int backendPort) {
        try {
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + backendPort + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode contract = new ObjectMapper().readTree(served.body());
            List<Operation> all = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Pattern template = Pattern.compile(
                        Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "/?");
                path.getValue().fields().forEachRemaining(operation -> all.add(new Operation(operation.getKey(),
                        template, !operation.getValue().path("security").isEmpty())));
            }
            return all;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the served contract for the contract proxy", e);
        }
    }
}
