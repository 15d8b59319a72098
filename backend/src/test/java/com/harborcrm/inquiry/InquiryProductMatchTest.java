package com.harborcrm.inquiry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Products;

import io.quarkus.test.junit.QuarkusTest;

/** An inquiry's free-text product is matched to the catalogue, and shows that product's stock now. */
@QuarkusTest
class InquiryProductMatchTest {

    private static long receive(Session as, String product) {
        return InquiryTest.post(as, InquiryTest.inquiry(InquiryTest.contact("email", InquiryTest.email()),
                "product", product)).statusCode(201).extract().jsonPath().getLong("customerId");
    }

    private static String inquiries(long customer) {
        return "/api/v1/customers/" + customer + "/inquiries";
    }

    @Test
    void aSkuInTheTextOrTheClosestNameFindsTheProductWithItsStock() {
        Session admin = Api.openStore("Inquiry products");
        long hinge = admin.as().body(Map.of("sku", "HG-304-SS", "name", "Stainless steel door hinge 304",
                "currency", "USD")).post("/api/v1/products").then().statusCode(201).extract().jsonPath().getLong("id");
        long lamp = Products.create(admin, "LED-60", "12");
        Products.receive(admin, hinge, 500);
        long inactive = admin.as().body(Map.of("sku", "OLD-1", "name", "Brass cabinet knob", "currency", "USD",
                "active", false)).post("/api/v1/products").then().statusCode(201).extract().jsonPath().getLong("id");

        // A SKU among the words, in any letter case.
        long bySku = receive(admin, "Need price for led-60 (5000 pcs)");
        admin.as().get(inquiries(bySku)).then().statusCode(200)
                .body("items[0].matchedProduct.id", equalTo((int) lamp))
                .body("items[0].matchedProduct.sku", equalTo("LED-60"))
                .body("items[0].product", equalTo("Need price for led-60 (5000 pcs)"));
        // Else the most similar name, with the stock as it is when read.
        long byName = receive(admin, "stainless door hinges 304");
        admin.as().get(inquiries(byName)).then()
                .body("items[0].matchedProduct.id", equalTo((int) hinge))
                .body("items[0].matchedProduct.stock.available", equalTo(500));
        Products.receive(admin, hinge, 20);
        admin.as().get(inquiries(byName)).then().body("items[0].matchedProduct.stock.onHand", equalTo(520));
        // Nothing alike, an inactive product, or no text: no match.
        long none = receive(admin, "Bamboo toothbrushes");
        admin.as().get(inquiries(none)).then().body("items[0].matchedProduct", nullValue());
        long old = receive(admin, "Brass cabinet knob");
        admin.as().get(inquiries(old)).then().body("items[0].matchedProduct", nullValue());
        // Another store's catalogue is never matched.
        Session other = Api.openStore("Inquiry products elsewhere");
        long foreign = receive(other, "LED-60");
        other.as().get(inquiries(foreign)).then().body("items[0].matchedProduct", nullValue());
        // A product deleted later leaves the inquiry as it was, without the match.
        admin.as().delete("/api/v1/products/" + inactive).then().statusCode(204);
        admin.as().delete("/api/v1/products/" + lamp).then().statusCode(204);
        admin.as().get(inquiries(bySku)).then().body("items[0].matchedProduct", nullValue())
                .body("items[0].product", equalTo("Need price for led-60 (5000 pcs)"));
    }
}
