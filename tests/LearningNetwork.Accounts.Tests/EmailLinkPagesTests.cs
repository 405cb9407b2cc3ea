using System.Net;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>The links in emails lead somewhere: a page with a labelled form, protected against cross-site posts, keeping the token.</summary>
public sealed class EmailLinkPagesTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Theory]
    [InlineData("/activate?token=abc")]
    [InlineData("/reset-password?token=abc")]
    [InlineData("/feedback?token=abc")]
    public async Task Each_email_link_opens_a_form_that_carries_its_token(string link)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", html);
        Assert.Contains("<label for=", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("name=\"Token\" value=\"abc\"", html);
    }
}
