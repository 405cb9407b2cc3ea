using System.Net.Http.Headers;

namespace LearningNetwork.Host.Pages.Staff.Library;

/// <summary>Passes an uploaded file on to the API as multipart, streamed rather than copied into memory.</summary>
internal static class GuidelineUpload
{
    /// <summary>The API's limit plus room for the form's other fields.</summary>
    public const long MaxRequestBytes = (50L * 1024 * 1024) + (1024 * 1024);

    public static MultipartFormDataContent Content(IFormFile file, params (string Name, string? Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        var stream = new StreamContent(file.OpenReadStream());
        stream.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        content.Add(stream, "file", file.FileName);
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                content.Add(new StringContent(value), name);
            }
        }

        return content;
    }
}
