using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Features.Browse;
using LearningNetwork.GuidelineDocuments.Features.Download;
using LearningNetwork.GuidelineDocuments.Features.Publish;
using LearningNetwork.GuidelineDocuments.Features.Upload;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LearningNetwork.GuidelineDocuments.Features;

internal static class GuidelineEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var guidelines = api.MapGroup("/guidelines");

        guidelines.MapPost("", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(request, ct);
                var created = await mediator.Send(new UploadGuideline(form["title"], form["category"], form["language"], form["summary"], File(form)), ct);
                return TypedResults.Created($"/api/guidelines/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Staff).DisableAntiforgery()
            .WithName("UploadGuideline").WithSummary("Upload a guideline (multipart: file, title, category, language, summary); a draft")
            .Produces<GuidelineResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        guidelines.MapPost("/{id:guid}/versions", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(request, ct);
                var version = await mediator.Send(new UploadVersion(id, form["changeNote"], File(form)), ct);
                return TypedResults.Created($"/api/guidelines/{id}/versions/{version.Number}", version);
            })
            .RequireAuthorization(Policies.Staff).DisableAntiforgery()
            .WithName("UploadGuidelineVersion").WithSummary("Upload a new version (multipart: file, changeNote); a draft until published")
            .Produces<VersionResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        guidelines.MapPost("/{id:guid}/publish", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new PublishGuideline(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("PublishGuideline").WithSummary("Publish the latest version; earlier downloaders are emailed")
            .Produces<GuidelineResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        guidelines.MapGet("", async (string? search, string? category, string? language, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListGuidelines(search, category, language, page, pageSize), ct)))
            .RequireAuthorization()
            .WithName("ListGuidelines").WithSummary("Guidelines (managers: published), searchable by words in title and summary")
            .Produces<PagedResult<GuidelineResponse>>().ProducesValidationProblem();

        guidelines.MapGet("/{id:guid}", async (Guid id, bool? allVersions, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetGuideline(id, allVersions ?? false), ct)))
            .RequireAuthorization()
            .WithName("GetGuideline").WithSummary("One guideline; allVersions=true lists older published versions too")
            .Produces<GuidelineResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        guidelines.MapGet("/{id:guid}/download", (Guid id, HttpContext context, IMediator mediator, CancellationToken ct) => DownloadAsync(id, null, context, mediator, ct))
            .RequireAuthorization()
            .WithName("DownloadGuideline").WithSummary("The latest published version: streamed, ETag, Range")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        guidelines.MapGet("/{id:guid}/versions/{number:int}/download", (Guid id, int number, HttpContext context, IMediator mediator, CancellationToken ct) => DownloadAsync(id, number, context, mediator, ct))
            .RequireAuthorization()
            .WithName("DownloadGuidelineVersion").WithSummary("One version: streamed, ETag, Range")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        guidelines.MapGet("/{id:guid}/downloads", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDownloadLog(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GuidelineDownloadLog").WithSummary("Who downloaded which version when")
            .Produces<IReadOnlyList<DownloadLogEntry>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/sessions/{id:guid}/materials", async (Guid id, MaterialsBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetSessionMaterials(id, body.GuidelineIds), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("SetSessionMaterials").WithSummary("Attach published guidelines to a session as its materials")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record MaterialsBody(IReadOnlyList<Guid>? GuidelineIds);

    private static async Task<IResult> DownloadAsync(Guid id, int? number, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new OpenGuidelineFile(id, number), ct);
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var notModified = context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag.Tag.ToString() || t.Trim() == "*"));
        if (!notModified)
        {
            await mediator.Send(new LogDownload(id, file.Version.Number), ct);
        }

        // Results.Stream answers If-None-Match with 304 and Range with 206 itself, reading only the bytes it sends.
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName, file.LastModified, etag, enableRangeProcessing: true);
    }

    /// <summary>Refuses an oversized body before reading it (413), then reads the form; files are spooled to disk, not memory.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        var max = request.HttpContext.RequestServices.GetRequiredService<IOptions<GuidelineOptions>>().Value.MaxUploadBytes;
        var limit = max + 64 * 1024; // the file plus the other fields and multipart boundaries
        if (request.ContentLength > limit)
        {
            throw new BuildingBlocks.Errors.ContentTooLargeException($"The file is larger than {max / 1024 / 1024} MB.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (!request.HasFormContentType)
        {
            throw new BuildingBlocks.Errors.UnsupportedContentException("Send the upload as multipart/form-data.");
        }

        return await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
    }

    private static FileUpload? File(IFormCollection form) =>
        form.Files.GetFile("file") is { } file ? new FileUpload(file.FileName, file.Length, file.OpenReadStream) : null;
}
