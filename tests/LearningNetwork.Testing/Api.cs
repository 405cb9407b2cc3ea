using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Xunit;

namespace LearningNetwork.Testing;

/// <summary>Small helpers every HTTP test uses: status checks that show the body, field errors, links in emails.</summary>
public static partial class Api
{
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The answer read as <typeparamref name="T"/>, after checking its status.</summary>
    public static async Task<T> Typed<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>Asserts a 400 problem details naming the field; returns its first message.</summary>
    public static async Task<string> ShouldNameInvalidField(this HttpResponseMessage response, string field)
    {
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"expected an error for '{field}', got {errors}");
        return messages[0].GetString()!;
    }

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    /// <summary>The token= value of the first link in the email's text part.</summary>
    public static string TokenFrom(MimeMessage message)
    {
        var match = TokenLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"no link with a token in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    [GeneratedRegex(@"[?&]token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenLink();
}
