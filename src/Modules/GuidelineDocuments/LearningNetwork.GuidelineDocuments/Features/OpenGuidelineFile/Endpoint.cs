using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace LearningNetwork.GuidelineDocuments.Features.OpenGuidelineFile;

/// <summary>The two download routes (the latest version, or one by number): the file streamed, and the download logged.</summary>
internal static class OpenGuidelineFileEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/guidelines/{id:guid}/download", (Guid id, HttpContext context, IMediator mediator, CancellationToken ct) => DownloadAsync(id, null, context, mediator, ct))
            .RequireAuthorization()
            .WithName("DownloadGuideline").WithSummary("The latest published version: streamed, ETag, Range")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/guidelines/{id:guid}/versions/{number:int}/download", (Guid id, int number, HttpContext context, IMediator mediator, CancellationToken ct) => DownloadAsync(id, number, context, mediator, ct))
            .RequireAuthorization()
            .WithName("DownloadGuidelineVersion").WithSummary("One version: streamed, ETag, Range")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DownloadAsync(Guid id, int? number, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new OpenGuidelineFile(id, number), ct);
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var notModified = context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag.Tag.ToString() || t.Trim() == "*"));
        if (!notModified && !ContinuesADownload(context.Request))
        {
            await mediator.Send(new LogDownload.LogDownload(id, file.Version.Number), ct);
        }

        // Results.Stream answers If-None-Match with 304 and Range with 206 itself, reading only the bytes it sends.
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName, file.LastModified, etag, enableRangeProcessing: true);
    }

    /// <summary>
    /// A Range request for anything but the start of the file is a resumed or pieced-together
    /// download (PDF viewers fetch pages this way): it is the same download, already logged.
    /// </summary>
    private static bool ContinuesADownload(HttpRequest request) =>
        request.GetTypedHeaders().Range is { Ranges.Count: > 0 } range && range.Ranges.All(r => r.From is null or > 0);
}
