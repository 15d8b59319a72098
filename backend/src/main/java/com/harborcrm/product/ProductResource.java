package com.harborcrm.product;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.product.ProductDtos.ProductInput;
import com.harborcrm.product.ProductDtos.ProductPage;
import com.harborcrm.product.ProductDtos.ProductView;
import com.harborcrm.product.ProductDtos.StockMovementInput;
import com.harborcrm.product.ProductDtos.StockMovementPage;
import com.harborcrm.product.ProductDtos.StockMovementResult;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
@SecurityRequirement(name = "bearerJwt")
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    CatalogueCsv catalogue;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listProducts", summary = "The catalogue by name, with stock",
            description = "`q` matches part of the SKU or name, ignoring case.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductPage list(
            @QueryParam("q") @Parameter(description = "Part of a SKU or name") String q,
            @QueryParam("category") @Parameter(description = "Exact category, ignoring case") String category,
            @QueryParam("active") @Parameter(description = "Only active (true) or inactive (false) products")
            Boolean active,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) String limit) {
        return products.list(q, category, active, cursor, PageLimit.parse(limit));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "createProduct", summary = "Add a product to the catalogue",
            description = "Stock starts at 0: record a receipt (a RECEIVED stock movement) to add some.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all of them at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps read the catalogue only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The SKU is taken, ignoring case (`sku-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProductInput body) {
        ProductView created = products.create(body);
        return Response.created(URI.create("/api/v1/products/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getProduct", summary = "One product with its stock")
    @APIResponse(responseCode = "200", description = "The product", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        ProductView product = products.get(id);
        return Response.ok(product).tag(ETags.of(product.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "updateProduct", summary = "Change a product (JSON merge patch)",
            description = "Any subset of ProductInput's members; null clears an optional one. Stock is changed "
                    + "through stock movements only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProductInput.class)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, read-only or unknown members",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps read the catalogue only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such product in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The SKU is taken (`sku-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @NotNull ObjectNode body) {
        ProductView updated = products.update(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "deleteProduct", summary = "Delete a product no order mentions")
    @APIResponse(responseCode = "204", description = "Deleted, with its stock history")
    @APIResponse(responseCode = "403", description = "Reps read the catalogue only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such product in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Orders mention it: deactivate it instead (`product-in-use`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        products.delete(id);
    }

    @GET
    @Path("/{id}/stock-movements")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listStockMovements", summary = "A product's stock history, newest first",
            description = "Every change of on hand or reserved, with the quantities after it: receipts, "
                    + "corrections, and the reservations, releases and shipments of orders.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = StockMovementPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such product in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StockMovementPage movements(@PathParam("id") long id,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) String limit) {
        return products.movements(id, cursor, PageLimit.parse(limit));
    }

    @POST
    @Path("/{id}/stock-movements")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "recordStockMovement", summary = "Record a goods receipt or a stock correction")
    @APIResponse(responseCode = "201", description = "Recorded; the product's stock after it",
            content = @Content(schema = @Schema(implementation = StockMovementResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (kind other than RECEIVED or ADJUSTED, "
            + "quantity 0 or a negative receipt)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps read stock only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such product in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A correction would leave less on hand than orders hold "
            + "(`insufficient-stock`; the member `shortages` says how much is free)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") long id, @Valid @NotNull StockMovementInput body) {
        StockMovementResult result = products.recordMovement(id, body);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /** The multipart body of the catalogue import, as the contract shows it. */
    @Schema(name = "CatalogueUpload")
    public static class CatalogueUpload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "The CSV file (UTF-8, "
                + "GB18030 or Windows-1252, comma, semicolon or tab), at most 20,000 rows")
        public String file;
        @Schema(enumeration = {"true", "false"}, description = "true: check the file and answer what an import would "
                + "do, writing nothing. Default false")
        public String dryRun;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "importCatalogue", summary = "Create and update products from a CSV file",
            description = "Rows are matched to products by SKU ignoring case: a match is updated (only the columns the "
                    + "file has; an empty cell clears an optional field), anything else is created. Each row is "
                    + "checked like a create; the good rows are written in one transaction, the others answered with "
                    + "their line and field errors. Columns (any letter case, English or Chinese): sku, name, "
                    + "description, category, unit, listPrice, currency, moq, active, imageUrl, and attr:<key> for a "
                    + "custom attribute. Stock columns of an export are ignored: stock changes through stock movements "
                    + "only, so importing an export changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = CatalogueUpload.class)))
    @APIResponse(responseCode = "200", description = "What was (or, with dryRun, would be) written",
            content = @Content(schema = @Schema(implementation = ProductDtos.CatalogueImportResult.class)))
    @APIResponse(responseCode = "400", description = "No file, an unreadable file, missing SKU, Name or Currency "
            + "columns, or too many rows (`validation` on `file`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps read the catalogue only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is too large (`payload-too-large`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductDtos.CatalogueImportResult importCatalogue(@RestForm("file") FileUpload file,
            @RestForm("dryRun") String dryRun) throws java.io.IOException {
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.invalid("file", "is required: the CSV file as a multipart part named file");
        }
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw DomainException.invalid(FieldError.oneOf("dryRun", new Object[] {"true", "false"}));
        }
        return catalogue.importFile(java.nio.file.Files.readAllBytes(file.uploadedFile()), "true".equals(dryRun));
    }

    @GET
    @Path("/export.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "exportCatalogue", summary = "The catalogue as a CSV file, with stock",
            description = "One row per product by SKU: its fields, onHand, reserved and available, and an attr:<key> "
                    + "column per custom attribute. Cells starting with = + - @ tab or CR are prefixed with ' so "
                    + "spreadsheets do not run them. Importing the file back changes nothing.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "bom is not true or false",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportCatalogue(@QueryParam("bom") @Parameter(description = "Start with a UTF-8 byte order mark "
            + "so that Excel reads the file as UTF-8. Default true", schema = @Schema(type = SchemaType.BOOLEAN))
            String bom) {
        if (bom != null && !bom.equals("true") && !bom.equals("false")) {
            throw DomainException.invalid(FieldError.oneOf("bom", new Object[] {"true", "false"}));
        }
        StreamingOutput body = out -> catalogue.export(out, !"false".equals(bom));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"products.csv\"").build();
    }
}
