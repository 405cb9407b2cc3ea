using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>The managers list tells who never activated, and offers a new invitation only to them.</summary>
[Collection(BrowserCollections.A)]
public sealed class ManagerStatusJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_see_who_is_invited_active_or_deactivated_and_resend_only_to_the_invited()
    {
        var api = await app.StaffApiAsync();
        var clusterName = $"Statuscluster {Guid.NewGuid():N}"[..24];
        var cluster = (await api.CreateClusterAsync(new ClusterRequest(clusterName, "SpearheadCluster")).Expect(HttpStatusCode.Created)).Id;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new Dictionary<string, Guid>();
        foreach (var name in new[] { "Ines Invited", "Arne Active", "Dirk Deactivated" })
        {
            ids[name] = (await api.CreateManagerAsync(new ManagerRequest(cluster, name, $"{name.Split(' ')[0].ToLowerInvariant()}.{tag}@cluster.example", "en"))
                .Expect(HttpStatusCode.Created)).Id;
        }

        var invitation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains($"arne.{tag}@", StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "Invitation");
        using (var anonymous = app.CreateClient())
        {
            await anonymous.Typed().ActivateAccountAsync(Api.TokenFrom(invitation), "Arne-Password-2027").Expect(HttpStatusCode.NoContent);
        }

        await api.DeactivateManagerAsync(ids["Dirk Deactivated"]).Expect(HttpStatusCode.OK);
        // Ines's account arrives through the outbox; until then she is invited without a date.
        await Eventually.TrueAsync(async () => (await api.GetManagerAsync(ids["Ines Invited"]).Expect(HttpStatusCode.OK)).InvitedAt is not null);

        var staff = await StaffInEnglishAsync();
        await staff.GotoAsync($"/staff/managers?clusterId={cluster}");
        var ines = staff.Locator("li.card", new() { HasText = "Ines Invited" });
        var arne = staff.Locator("li.card", new() { HasText = "Arne Active" });
        var dirk = staff.Locator("li.card", new() { HasText = "Dirk Deactivated" });
        await Expect(ines).ToContainTextAsync("Invited");
        await Expect(ines).ToContainTextAsync("on " + DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).TrimStart('0'));
        await Expect(arne).ToContainTextAsync("Active");
        await Expect(dirk).ToContainTextAsync("Deactivated");
        await Expect(arne.GetByRole(AriaRole.Button, new() { Name = "Resend invitation" })).ToHaveCountAsync(0);
        await Expect(dirk.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await staff.AuditAsync("staff-managers-status");

        await ines.GetByRole(AriaRole.Button, new() { Name = "Resend invitation" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("A new invitation is on its way.");
        await Eventually.TrueAsync(() => Task.FromResult(app.Smtp.Messages.Count(m => m.To.ToString().Contains($"ines.{tag}@", StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "Invitation") == 2));

        foreach (var (language, invited) in new[] { ("nl", "Uitgenodigd"), ("fr", "Invité(e)") })
        {
            await staff.Locator($"button[value={language}]").ClickAsync();
            await staff.GotoAsync($"/staff/managers?clusterId={cluster}");
            await Expect(staff.Locator("li.card", new() { HasText = "Ines Invited" })).ToContainTextAsync(invited);
        }
    }
}
