using System.Net;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>The links in emails lead somewhere: a page with a labelled form that posts to the API.</summary>
public sealed class EmailLinkPagesTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Theory]
    [InlineData("/activate?token=abc", "/api/auth/activate")]
    [InlineData("/reset-password?token=abc", "/api/auth/reset-password")]
    [InlineData("/feedback?token=abc", "/api/feedback")]
    public async Task Each_email_link_opens_a_form_for_its_endpoint(string link, string api)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-api=\"{api}\"", html);
        Assert.Contains("<label for=", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/link.js")).StatusCode);
    }
}
