using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Staff manage a session's participants: remove someone (the waitlist moves up), move someone to
/// another session, enroll only people not enrolled yet, and print the attendance sheet to sign.
/// </summary>
[Collection(BrowserCollections.D)]
public sealed class ParticipantsJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Theory]
    [InlineData("nl", false, "Aanwezigheidslijst om af te drukken", "Handtekening")]
    [InlineData("fr", false, "Feuille de présence à imprimer", "Signature")]
    [InlineData("en", false, "Attendance sheet to print", "Signature")]
    [InlineData("nl", true, "Aanwezigheidslijst om af te drukken", "Handtekening")]
    [InlineData("fr", true, "Feuille de présence à imprimer", "Signature")]
    [InlineData("en", true, "Attendance sheet to print", "Signature")]
    public async Task Staff_remove_and_move_participants_enroll_only_newcomers_and_print_the_attendance_sheet(string language, bool phone, string sheetLink, string signature)
    {
        var width = phone ? "phone" : "desktop";
        var api = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(api, 4, language: "en");
        var here = (await api.PublishedSessionAsync(capacity: 2)).Id;
        var there = (await api.PublishedSessionAsync(capacity: 5, daysAhead: 24)).Id;
        var enrollments = new List<Guid>();
        foreach (var manager in managers.Take(3))
        {
            enrollments.Add((await api.EnrollAsync(here, manager).Expect(HttpStatusCode.Created)).Id);
        }

        var staff = await StaffInAsync(language, phone ? Phone : null);
        staff.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Remove ... from this session?" -> yes
        await staff.GotoAsync($"/staff/sessions/{here}/participants");
        await staff.AuditAsync($"staff-participants-{language}-{width}");

        // The enroll picker offers nobody who is enrolled already, but does offer the newcomer.
        await SearchManagerAsync(staff, await EmailAsync(managers[0]));
        await Expect(staff.Locator("#clusterManagerId")).ToHaveCountAsync(0);
        await SearchManagerAsync(staff, await EmailAsync(managers[3]));
        await Expect(staff.Locator("#clusterManagerId option")).ToHaveCountAsync(1);
        await Expect(staff.Locator("#clusterManagerId option")).ToHaveAttributeAsync("value", managers[3].ToString());

        // Remove the first: the one on the waitlist gets the seat.
        await staff.Locator("tr", new() { HasText = "Manager 000" }).Locator("button[formaction*='handler=Remove']").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        var statuses = await ParticipantStatusesAsync(api, here);
        Assert.Equal(EnrollmentStatus.Cancelled, statuses[enrollments[0]]);
        Assert.Equal(EnrollmentStatus.Confirmed, statuses[enrollments[2]]);

        // Move the second to the other session.
        await staff.Locator("#moveEnrollmentId").SelectOptionAsync(enrollments[1].ToString());
        await staff.Locator("#moveSessionId").SelectOptionAsync(there.ToString());
        await staff.Locator("form[action*='handler=Move'] button[type=submit]").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        Assert.Equal(EnrollmentStatus.Cancelled, (await ParticipantStatusesAsync(api, here))[enrollments[1]]);
        var moved = Assert.Single(await api.GetParticipantsAsync(there).Expect(HttpStatusCode.OK));
        Assert.Equal(managers[1], moved.ClusterManagerId);
        Assert.Equal(EnrollmentStatus.Confirmed, moved.Status);

        // The attendance sheet: the confirmed participant, room to sign, and rows for walk-ins; printed without the menus.
        await staff.GetByRole(AriaRole.Link, new() { Name = sheetLink }).ClickAsync();
        var sheet = staff.Locator(".sheet table");
        await Expect(sheet.Locator("th.signature")).ToHaveTextAsync(signature);
        await Expect(sheet.Locator("tbody tr:not(.blank)")).ToHaveCountAsync(1);
        await Expect(sheet.Locator("tbody tr:not(.blank)")).ToContainTextAsync("Manager 002");
        await Expect(sheet.Locator("tbody tr.blank")).ToHaveCountAsync(LearningNetwork.Host.Pages.Staff.Sessions.AttendanceSheetModel.BlankRows);
        await staff.AuditAsync($"staff-attendance-sheet-{language}-{width}");
        await staff.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(staff.Locator("header.top")).ToBeHiddenAsync();
        await Expect(staff.Locator("[data-print]")).ToBeHiddenAsync();
        await Expect(sheet).ToBeVisibleAsync();
        var pdf = await staff.PdfAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsDirectory, $"staff-attendance-sheet-{language}-{width}.pdf"), Format = "A4" });
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsDirectory, $"staff-attendance-sheet-print-{language}-{width}.png"), FullPage = true });
        await staff.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    private static async Task SearchManagerAsync(IPage staff, string search)
    {
        await staff.Locator("#managerSearch").FillAsync(search);
        await staff.Locator("form[role=search] button[type=submit]").ClickAsync();
        await Expect(staff.Locator("#managerSearch")).ToHaveValueAsync(search);
    }

    private Task<string> EmailAsync(Guid managerId) =>
        app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));

    private static async Task<Dictionary<Guid, EnrollmentStatus>> ParticipantStatusesAsync(LearningNetworkApi api, Guid sessionId) =>
        (await api.GetParticipantsAsync(sessionId).Expect(HttpStatusCode.OK)).ToDictionary(e => e.Id, e => e.Status);
}
