using System.Net;
using System.Net.Http.Json;
using System.Text;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// A page elsewhere cannot use a signed-in staff member's cookie to change things through the
/// API: cookie-authenticated unsafe requests need the web UI's own proof; tokens are unaffected.
/// </summary>
public sealed class CookieRequestForgeryTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_cookie_alone_reads_but_cannot_change_anything_through_the_api()
    {
        using var browser = app.BrowserClient();
        await (await browser.PostAsJsonAsync("/api/auth/cookie-login", new { email = LearningNetworkApp.StaffEmail, password = LearningNetworkApp.StaffPassword })).ShouldBe(HttpStatusCode.NoContent);
        await (await browser.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);

        // What a cross-site form can send: JSON it cannot, but text/plain and empty posts it can.
        await (await browser.PostAsJsonAsync("/api/clusters", new { name = $"Forged {Guid.NewGuid():N}", type = "SpearheadCluster" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await browser.PostAsync("/api/cluster-managers/import", new StringContent("cluster,fullName,email,preferredLanguage\n", Encoding.UTF8, "text/plain"))).ShouldBe(HttpStatusCode.Forbidden);
        await (await browser.PostAsync($"/api/staff/{Guid.NewGuid()}/deactivate", null)).ShouldBe(HttpStatusCode.Forbidden);
        var refused = await app.Database.ScalarAsync<long>("SELECT count(*) FROM accounts.audit_log WHERE action = 'CreateCluster' AND summary LIKE '%-> 403'");
        Assert.True(refused >= 1, "the refused attempt is in the audit log");

        // The web UI's loopback call carries this host's secret: allowed.
        using var proven = new HttpRequestMessage(HttpMethod.Post, "/api/clusters") { Content = JsonContent.Create(new { name = $"Via the UI {Guid.NewGuid():N}", type = "SpearheadCluster" }) };
        proven.Headers.Add(LoopbackCallerSecret.SecretHeader, app.Services.GetRequiredService<LoopbackCallerSecret>().Value);
        await (await browser.SendAsync(proven)).ShouldBe(HttpStatusCode.Created);

        using var wrongSecret = new HttpRequestMessage(HttpMethod.Post, "/api/clusters") { Content = JsonContent.Create(new { name = $"Guessed {Guid.NewGuid():N}", type = "SpearheadCluster" }) };
        wrongSecret.Headers.Add(LoopbackCallerSecret.SecretHeader, "guessed");
        await (await browser.SendAsync(wrongSecret)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bearer_token_clients_are_unaffected()
    {
        using var staff = await app.StaffClientAsync();

        await (await staff.PostAsJsonAsync("/api/clusters", new { name = $"With a token {Guid.NewGuid():N}", type = "SpearheadCluster" })).ShouldBe(HttpStatusCode.Created);
    }
}
