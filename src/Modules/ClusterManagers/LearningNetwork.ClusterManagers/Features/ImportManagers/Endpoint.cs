using LearningNetwork.BuildingBlocks.Localization;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.ClusterManagers.Features.ImportManagers;

internal static class ImportManagersEndpoint
{
    private const int MaxBytes = 20 * 1024 * 1024;
    // Not text/plain: a cross-site form can send that, with the sign-in cookie of whoever opens it.
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "application/vnd.ms-excel"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cluster-managers/import", async (HttpRequest request, bool? dryRun, IMediator mediator, CancellationToken ct) =>
            {
                var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                if (mediaType is null || !CsvTypes.Contains(mediaType))
                {
                    return Results.Problem(title: "Unsupported media type", detail: "Send the file as text/csv (UTF-8).", statusCode: StatusCodes.Status415UnsupportedMediaType);
                }

                if (request.ContentLength > MaxBytes)
                {
                    return Results.Problem(title: "Payload too large", detail: $"At most {MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                // Counted as it arrives: a chunked body has no Content-Length to check first.
                var body = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
                {
                    if (body.Length + read > MaxBytes)
                    {
                        return Results.Problem(title: "Payload too large", detail: $"At most {MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
                    }

                    body.Write(buffer, 0, read);
                }

                var csv = CsvEncoding.Decode(body.GetBuffer().AsSpan(0, (int)body.Length));
                if (csv is null)
                {
                    return Results.Problem(title: "Not a text file", detail: CsvEncoding.Refusal, statusCode: StatusCodes.Status400BadRequest);
                }

                var result = await mediator.Send(new ImportManagers(csv, dryRun ?? false), ct);
                // The line errors are an answer, not a problem document: translated here, in the caller's language.
                return Results.Ok(result with { Errors = [.. result.Errors.Select(e => e with { Message = Messages.Translate(e.Message) })] });
            })
            .RequireAuthorization(Policies.Staff)
            // No Accepts<>() metadata: routing would answer a wrong content type with 415 before
            // authorization, telling strangers the endpoint exists. The handler checks the type itself.
            .WithDescription("Body: the CSV file as text/csv (UTF-8 with or without BOM, or Windows-1252 as Excel saves it), header cluster,fullName,email,preferredLanguage,phone; comma or semicolon separated.")
            .WithName("ImportClusterManagers")
            .WithSummary("Import managers from CSV (comma or semicolon); dryRun=true only reports")
            .Produces<ImportResult>()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
