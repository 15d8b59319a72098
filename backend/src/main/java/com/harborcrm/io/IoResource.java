package com.harborcrm.io;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.customer.CustomerFilter;
import com.harborcrm.customer.CustomerSearch;
import com.harborcrm.io.ImportDtos.ImportJobView;
import com.harborcrm.io.ImportDtos.ImportStatus;

/** CSV in and out: import jobs and the customer export. */
@Path("/api/v1")
@Tag(name = "Import and export")
@SecurityRequirement(name = "bearerJwt")
public class IoResource {

    static final String CSV = "text/csv";
    static final Set<String> EXPORT_PARAMETERS = Set.of("columns", "bom");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Set<String> XLSX_EXPORT_PARAMETERS = Set.of("columns");

    @Inject
    ImportService imports;

    @Inject
    ExportService exports;

    @Inject
    CustomerSearch search;

    /** The multipart form of an upload, for the contract (the method reads the parts one by one). */
    /** quarkus.http.limits.max-form-attribute-size: the longest form field next to the file. */
    static final int FORM_FIELD_LIMIT = 64 * 1024;

    @Schema(name = "ImportUpload")
    public static class ImportUpload {
        @Schema(required = true, type = SchemaType.STRING, format = "binary",
                description = "The CSV file or Excel workbook (.xlsx), at most harbor.io.max-upload-size "
                        + "(HARBOR_IMPORT_MAX_UPLOAD_SIZE, default 200 MB)")
        public String file;
        @Schema(maxLength = 31, description = "An .xlsx upload: the sheet to read, by name or position from 1. "
                + "Default: the first sheet")
        public String sheet;
        @Schema(enumeration = {"POOL", "OWNER"}, description = "Where new customers go. Default POOL")
        public String target;
        @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", description = "With target OWNER: the owner, an active user of the store")
        public String ownerId;
        @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", description = "The pool new customers go to "
                + "(with target OWNER: the pool they return to), one of GET /pools. Default: the default pool (0)")
        public String poolId;
        @Schema(enumeration = {"SKIP", "UPDATE", "CREATE"}, description = "A row matching an existing customer (same "
                + "normalized email, phone/mobile digits or IM account as a create's duplicate check): SKIP leaves "
                + "the customer alone, UPDATE merges the row into it (blank cells change nothing), CREATE creates "
                + "it anyway. Under SKIP and UPDATE a row sharing a key with an earlier row of the file is refused. "
                + "Default SKIP")
        public String duplicatePolicy;
        @Schema(description = "AUTO (default: BOM, else UTF-8, else GB18030/GBK, else Windows-1252), or UTF-8, "
                + "UTF-16, GB18030, GBK, Windows-1252", maxLength = 20)
        public String encoding;
        @Schema(description = "AUTO (default: comma, semicolon or tab, from the first lines), or , ; TAB", maxLength = 4)
        public String delimiter;
        @Schema(description = "JSON object overriding the header mapping: header → field (name, companyName, "
                + "position, email, phone, mobile, fax, im:WHATSAPP|WECHAT|SKYPE|LINE|TELEGRAM|WANGWANG|OTHER, website, "
                + "country, region, city, address, postcode, businessType, mainProducts, purchaseCategories, "
                + "annualPurchaseAmount, companySize, source, stage, stars, status, notes, tags), cf.<custom field "
                + "key>, or ignore. Without it, English and Chinese header names are recognized (\"E-mail\", "
                + "\"邮箱\", \"公司名称\", \"Country/Region\"...) and other columns go to the custom field of that key "
                + "or label, or are ignored with a warning.", examples = "{\"Mail\": \"email\", \"Memo\": \"ignore\"}",
                maxLength = FORM_FIELD_LIMIT)
        public String mapping;
        @Schema(type = SchemaType.BOOLEAN, description = "true: check every row and report, write no customer")
        public String dryRun;
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "startImport", summary = "Import customers from a CSV file",
            description = "Answers 202 at once with the job; follow it at Location. The job reads the file, refuses "
                    + "invalid rows (listed in rejected.csv with the reason) without stopping the good ones, and "
                    + "commits whole or not at all: a file that cannot be parsed fails the job with its line number "
                    + "and writes nothing, as does a crash or restart of the server. New customers are scored as on "
                    + "create and get an IMPORTED event. At most harbor.io.max-rows data rows per file.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = ImportUpload.class)))
    @APIResponse(responseCode = "202", description = "Queued", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "A bad option or no file (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than harbor.io.max-upload-size (`payload-too-large`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startImport(@RestForm("file") FileUpload file, @RestForm("target") String target,
            @RestForm("ownerId") String ownerId, @RestForm("duplicatePolicy") String duplicatePolicy,
            @RestForm("encoding") String encoding, @RestForm("delimiter") String delimiter,
            @RestForm("mapping") String mapping, @RestForm("dryRun") String dryRun, @RestForm("sheet") String sheet,
            @RestForm("poolId") String poolId) {
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.invalid("file", "is required: the CSV file as a multipart part named file");
        }
        ImportJobView job = imports.submit(file.uploadedFile(), file.fileName(),
                new ImportService.Form(target, ownerId, duplicatePolicy, encoding, delimiter, mapping, dryRun, sheet,
                        poolId));
        return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    @GET
    @Path("/imports")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "listImports", summary = "The store's import jobs, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(schema = @Schema(implementation = ImportJobPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobPage listImports(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = imports.list(PageLimit.parse(limit), cursor == null || cursor.isEmpty() ? null : cursor);
        return new ImportJobPage(page.items(), page.nextCursor());
    }

    @Schema(name = "ImportJobPage")
    public record ImportJobPage(@Schema(required = true) List<ImportJobView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    @GET
    @Path("/imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "getImport", summary = "An import job and its progress",
            description = "Poll it for a progress bar: processedRows of totalRows, then the counts once DONE.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobView getImport(@PathParam("id") long id) {
        return imports.get(id);
    }

    @GET
    @Path("/imports/{id}/rejected.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "getImportRejectedRows", summary = "The rows an import refused, with the reason",
            description = "The file's header plus a `reason` column, then each refused row with its cells as "
                    + "uploaded. UTF-8 with BOM, comma-separated: fix the rows and import this file again.")
    @APIResponse(responseCode = "200", description = "The refused rows", content = @Content(mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Reps cannot import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job has not finished, or failed (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rejected(@PathParam("id") long id) {
        requireFinished(id);
        StreamingOutput body = imports.rejected(id);
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.csv\"").build();
    }

    /** Refused rows are known once a job is DONE; a FAILED job refused none. */
    private void requireFinished(long id) {
        ImportJobView job = imports.get(id);
        if (job.status() != ImportStatus.DONE) {
            throw new DomainException(ProblemType.CONFLICT, job.status() == ImportStatus.FAILED
                    ? "The import failed, so it refused no rows: see its failure"
                    : "The import has not finished yet: its rejected rows are known once it is DONE");
        }
    }

    @GET
    @Path("/imports/{id}/rejected.xlsx")
    @Produces({XLSX, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "getImportRejectedRowsXlsx", summary = "The rows an import refused, as a workbook",
            description = "What rejected.csv holds, as an .xlsx with one sheet: what the web app offers when the "
                    + "upload was a workbook. Fix the rows and import the file again.")
    @APIResponse(responseCode = "200", description = "The refused rows", content = @Content(mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "Reps cannot import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job has not finished, or failed (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rejectedXlsx(@PathParam("id") long id) {
        requireFinished(id);
        return Response.ok(imports.rejectedXlsx(id), XLSX)
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.xlsx\"").build();
    }

    @GET
    @Path("/exports/customers.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "exportCustomers", summary = "Export customers as CSV",
            description = "Takes the screening filters of GET /customers (q, stage, stars, status, source, country, "
                    + "tag, tagAll, ownerId, createdFrom/To, lastFollowUpFrom/To, nextFollowUpBefore, hasEmail, "
                    + "hasPhone, scoreMin/Max, poolId, cf.<key>). Streamed from the database in id order, so any number of "
                    + "rows takes constant memory. A header row, then one row per customer; tags, IM accounts and "
                    + "several values are joined with \"; \"; custom fields by their label. Cells starting with = + - @ "
                    + "tab or CR are prefixed with ' so spreadsheets do not run them. Pool contacts are masked per "
                    + "the pool rules. Importing the file back with duplicatePolicy UPDATE changes nothing.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameters({
            @Parameter(name = "columns", in = ParameterIn.QUERY, description = "Comma-separated column keys, in "
                    + "this order (name, companyName, email, phone, mobile, im:WECHAT, tags, cf.<key>, owner, "
                    + "potentialScore, createdAt, lastFollowUpAt, id...). Default: all"),
            @Parameter(name = "bom", in = ParameterIn.QUERY, description = "Start with a UTF-8 byte order mark so that "
                    + "Excel reads the file as UTF-8. Default true", schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "As GET /customers, like every other filter")})
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid filter or column (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot export",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportCustomers(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        CustomerFilter filter = search.filterFromQuery(query, EXPORT_PARAMETERS);
        String bom = query.getFirst("bom");
        if (bom != null && !bom.equals("true") && !bom.equals("false")) {
            throw DomainException.invalid("bom", "must be true or false");
        }
        ExportService.Plan plan = exports.plan(filter, query.getFirst("columns"), !"false".equals(bom));
        StreamingOutput body = out -> exports.write(plan, out);
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"customers.csv\"").build();
    }

    @GET
    @Path("/exports/customers.xlsx")
    @Produces({XLSX, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "exportCustomersXlsx", summary = "Export customers as an Excel workbook",
            description = "The rows and columns of GET /exports/customers.csv (same filters, columns and masking) as "
                    + "an .xlsx workbook, streamed with constant memory: a header row (bold, frozen), then one row per "
                    + "customer, every cell as text. Past 1,000,000 customers the rows continue on a second sheet.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameters({
            @Parameter(name = "columns", in = ParameterIn.QUERY, description = "As for the CSV export. Default: all"),
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "As GET /customers, like every other filter")})
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "Invalid filter or column (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot export",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportCustomersXlsx(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        CustomerFilter filter = search.filterFromQuery(query, XLSX_EXPORT_PARAMETERS);
        ExportService.Plan plan = exports.plan(filter, query.getFirst("columns"), false);
        StreamingOutput body = out -> exports.writeXlsx(plan, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"customers.xlsx\"").build();
    }
}
