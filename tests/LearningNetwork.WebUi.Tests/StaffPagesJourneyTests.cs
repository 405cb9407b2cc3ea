using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Every staff page, in Dutch, French and English: it answers 200 in the chosen language, and
/// passes the accessibility check; a screenshot of each is kept. The longest journey by far, so
/// a class of its own, which its collection runs beside the others.
/// </summary>
[Collection(BrowserCollections.A)]
public sealed class StaffPagesJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Every_staff_page_renders_and_passes_the_accessibility_check_in_each_language()
    {
        var staff = await app.NewPageAsync();
        await staff.GotoAsync("/login");
        await SignInAsync(staff, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        var api = await app.StaffApiAsync();
        var network = await api.NewNetworkAsync("MembersOnly");
        var (manager, _, managerClient) = await BrowserManagerAsync(api, $"Every page {Guid.NewGuid():N}"[..22], "en");
        managerClient.Dispose();
        var cluster = (await api.GetManagerAsync(manager).Expect(System.Net.HttpStatusCode.OK)).ClusterId;
        var session = (await api.PublishedSessionAsync(capacity: 3)).Id;
        var pages = new[] { $"/staff/networks/{network.Id}", $"/staff/networks/{network.Id}/attendance", "/staff", "/staff/sessions", "/staff/sessions?view=calendar", "/staff/sessions/new", "/staff/series/new",
            $"/staff/sessions/{session}", $"/staff/sessions/{session}/edit", $"/staff/sessions/{session}/reschedule", $"/staff/sessions/{session}/cancel", $"/staff/sessions/{session}/participants", $"/staff/sessions/{session}/attendance-sheet", $"/staff/sessions/new?copyOf={session}", "/staff/clusters", $"/staff/clusters/{cluster}",
            "/staff/managers", $"/staff/managers/{manager}", $"/staff/managers/{manager}/deactivate", "/staff/managers/import", "/staff/guidelines", "/staff/emails", "/staff/team", "/staff/audit", "/staff/networks", "/staff/reports", "/staff/funding-calls", "/account/password" };
        foreach (var (language, heading) in new[] { ("nl", "Sessies"), ("fr", "Sessions"), ("en", "Sessions") })
        {
            await staff.Locator($"button[value={language}]").ClickAsync();
            foreach (var path in pages)
            {
                var response = await staff.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                Assert.Equal(language, await staff.Locator("html").GetAttributeAsync("lang"));
                var shot = path.Replace(network.Id.ToString(), "id", StringComparison.Ordinal).Replace(session.ToString(), "id", StringComparison.Ordinal)
                    .Replace(manager.ToString(), "id", StringComparison.Ordinal).Replace(cluster.ToString(), "id", StringComparison.Ordinal);
                await staff.AuditAsync($"staff-{language}{shot.Replace('/', '-').Replace('?', '-').Replace('=', '-')}");
            }

            await staff.GotoAsync("/staff/sessions");
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        }
    }
}
