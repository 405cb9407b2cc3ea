using System.Text;
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
    private static readonly string[] CsvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"];

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

                using var reader = new StreamReader(request.Body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
                var csv = await reader.ReadToEndAsync(ct);
                var result = await mediator.Send(new ImportManagers(csv, dryRun ?? false), ct);
                // The line errors are an answer, not a problem document: translated here, in the caller's language.
                return Results.Ok(result with { Errors = [.. result.Errors.Select(e => e with { Message = Messages.Translate(e.Message) })] });
            })
            .RequireAuthorization(Policies.Staff)
            // No Accepts<>() metadata: routing would answer a wrong content type with 415 before
            // authorization, telling strangers the endpoint exists. The handler checks the type itself.
            .WithDescription("Body: the CSV file as text/csv (UTF-8, with or without BOM), header cluster,fullName,email,preferredLanguage,phone; comma or semicolon separated.")
            .WithName("ImportClusterManagers")
            .WithSummary("Import managers from CSV (comma or semicolon); dryRun=true only reports")
            .Produces<ImportResult>()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
