using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningNetwork.GuidelineDocuments.Features.Shared;

/// <summary>An uploaded file as the endpoint received it (already spooled by ASP.NET Core, not in memory).</summary>
internal sealed record FileUpload(string? FileName, long Length, Func<Stream> Open);

/// <summary>How the upload endpoints read their multipart form.</summary>
internal static class UploadForm
{
    /// <summary>Refuses an oversized body before reading it (413), then reads the form; files are spooled to disk, not memory.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken ct)
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

        try
        {
            return await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or (IOException and not BadHttpRequestException) && !ct.IsCancellationRequested)
        {
            // Broken part headers, a missing boundary or a body that ends mid-part: the client's mistake, not ours.
            throw new BuildingBlocks.Errors.InvalidFieldException("file", "The upload is not a well-formed multipart/form-data body.");
        }
    }

    public static FileUpload? File(IFormCollection form) =>
        form.Files.GetFile("file") is { } file ? new FileUpload(file.FileName, file.Length, file.OpenReadStream) : null;
}
