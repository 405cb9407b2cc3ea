using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;

namespace LearningNetwork.WebUi.Tests;

/// <summary>People read labels, never the API's codes ("LearningNetworkMeeting", "WaitlistPromoted").</summary>
[Collection(BrowserCollections.B)]
public sealed class LabelJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task No_page_shows_a_code_name_in_any_language()
    {
        var api = await app.StaffApiAsync();
        await api.CreateClusterAsync(new ClusterRequest($"Netwerk Zuid {Guid.NewGuid():N}"[..20], "InnovativeBusinessNetwork", PostFundingPlan: "JoinCollectiveCentre"))
            .Expect(HttpStatusCode.Created);
        var managers = await app.CreateManagersAsync(api, 2, language: "en");
        var network = await api.NewNetworkAsync("Open");
        var meeting = await api.PublishedMeetingAsync(network.Id, capacity: 1);
        await api.EnrollAsync(meeting, managers[0]).Expect(HttpStatusCode.Created);
        var enrolled = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[0]));
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(enrolled, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentConfirmed");
        var email = $"labels-{Guid.NewGuid():N}@cluster.example";
        await app.CreateClusterManagerAsync(email, language: "en");

        var codes = LabelTests.CodeNames();
        var staffPages = new[] { "/staff", "/staff/sessions", "/staff/sessions?view=calendar", $"/staff/sessions/{meeting}", $"/staff/sessions/{meeting}/participants", "/staff/sessions/new", "/staff/series/new", "/staff/clusters", "/staff/managers", "/staff/emails", "/staff/reports", "/staff/networks", $"/staff/networks/{network.Id}", $"/staff/networks/{network.Id}/attendance", "/staff/funding-calls", "/staff/guidelines", $"/staff/managers/{managers[0]}", $"/staff/managers/{managers[0]}/deactivate" };
        var staff = await app.NewPageAsync();
        await staff.GotoAsync("/login");
        await SignInAsync(staff, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        var manager = await app.NewPageAsync();
        await manager.GotoAsync("/login");
        await SignInAsync(manager, email, TestAccounts.Password);
        var managerPages = new[] { "/sessions", $"/sessions/{meeting}", "/my-sessions", "/networks", "/funding-calls", "/guidelines" };

        foreach (var language in new[] { "nl", "fr", "en" })
        {
            foreach (var (page, paths) in new[] { (staff, staffPages), (manager, managerPages) })
            {
                await page.Locator($"button[value={language}]").ClickAsync();
                foreach (var path in paths)
                {
                    var status = (await page.GotoAsync(path))!.Status;
                    Assert.True(status == 200, $"{path} ({language}): {status}");
                    var shown = await page.EvaluateAsync<string[]>("""
                        codes => {
                          const text = document.body.innerText + '\n' + [...document.querySelectorAll('option')].map(o => o.textContent).join('\n');
                          return codes.filter(code => new RegExp('\\b' + code + '\\b').test(text));
                        }
                        """, codes);
                    Assert.True(shown.Length == 0, $"{path} ({language}) shows {string.Join(", ", shown)}");
                }
            }
        }

        await manager.GotoAsync("/sessions");
        await Expect(manager.Locator("li.card", new() { HasText = "Bijeenkomst" }).First).ToContainTextAsync("Learning network meeting");
        await manager.AuditAsync("manager-sessions-labels");
        await staff.GotoAsync("/staff/emails");
        // The manager's invitation may be logged after the confirmation: look for the confirmation's row by its label.
        await Expect(staff.Locator("tr", new() { HasText = enrolled }).Filter(new() { HasText = "Enrollment confirmed" })).ToHaveCountAsync(1);
        await staff.AuditAsync("staff-emails-labels");
    }
}
