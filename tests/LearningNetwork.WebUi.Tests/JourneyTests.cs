using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// The whole UI as people use it, in a real browser: staff plan and publish, managers activate
/// from the invitation email, enroll, download, cancel, and the waitlist moves. Every page
/// visited is screenshotted and checked with axe-core.
/// </summary>
[Collection(BrowserCollections.B)]
public sealed class JourneyTests(BrowserApp app) : BrowserJourney
{
    private const int ManagerChoices = LearningNetwork.Host.Pages.Staff.Sessions.SessionParticipantsModel.ManagerChoices;

    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_plan_a_session_and_managers_enroll_wait_and_move_up()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var sessionTitle = $"Workshop project funding {tag}";
        var guidelineTitle = $"Subsidy rules {tag}";
        var emailA = $"anna.{tag}@cluster.example";
        var emailB = $"bert.{tag}@cluster.example";

        // Staff sign in, in English whatever their browser says.
        var staff = await app.NewPageAsync(locale: "nl-BE");
        await staff.GotoAsync("/");
        await staff.Locator("button[value=en]").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await staff.AuditAsync("01-sign-in");
        await SignInAsync(staff, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await staff.AuditAsync("02-staff-dashboard");

        // A cluster and two managers, who get invitations.
        await staff.GotoAsync("/staff/clusters");
        await staff.Locator("#Form_Name").FillAsync($"Cluster {tag}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add cluster" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync($"Cluster {tag}");
        await staff.AuditAsync("03-staff-clusters");
        foreach (var (name, email) in new[] { ("Anna Peeters", emailA), ("Bert Claes", emailB) })
        {
            await staff.GotoAsync("/staff/managers");
            await staff.Locator("#Form_ClusterId").SelectOptionAsync(new SelectOptionValue { Label = $"Cluster {tag}" });
            await staff.Locator("#Form_FullName").FillAsync(name);
            await staff.Locator("#Form_Email").FillAsync(email);
            await staff.Locator("#Form_PreferredLanguage").SelectOptionAsync("en");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Add and send invitation" }).ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync(name);
        }

        await staff.AuditAsync("04-staff-managers");

        // A form error is shown next to its field, and nothing is stored.
        await staff.GotoAsync("/staff/sessions/new");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(staff.Locator("span[data-valmsg-for='Form.Title']")).Not.ToBeEmptyAsync();
        await staff.AuditAsync("05-staff-new-session-errors");

        // A session with one seat, published.
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(10);
        await staff.Locator("#Form_Title").FillAsync(sessionTitle);
        await staff.Locator("#Form_Start").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#Form_End").FillAsync(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Locator("#Form_Location").FillAsync("Koning Albert II-laan 35, Brussel");
        await staff.Locator("#Form_Capacity").FillAsync("1");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = sessionTitle })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("published");
        await staff.AuditAsync("06-staff-session");

        // A guideline, uploaded and published.
        await staff.GotoAsync("/staff/guidelines");
        await staff.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "subsidy-rules.pdf", MimeType = "application/pdf", Buffer = GuidelineBytes });
        await staff.Locator("#Title").FillAsync(guidelineTitle);
        await staff.Locator("#Category").FillAsync("Funding");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Upload as draft" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish the latest version" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("published");
        await staff.AuditAsync("07-staff-guideline");

        // Anna activates her account from the invitation email and enrolls: the seat count drops.
        var anna = await ActivatedManagerAsync(emailA);
        await anna.GotoAsync("/sessions");
        var annaCard = anna.Locator("li.card", new() { HasText = sessionTitle });
        await Expect(annaCard).ToContainTextAsync("1 of 1 seats left");
        await anna.AuditAsync("08-manager-sessions");
        await annaCard.GetByRole(AriaRole.Button, new() { Name = "Enroll" }).ClickAsync();
        await Expect(anna.GetByRole(AriaRole.Status)).ToContainTextAsync("You are enrolled");
        await Expect(annaCard).ToContainTextAsync("0 of 1 seats left");
        await Expect(annaCard).ToContainTextAsync("You are enrolled");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(emailA, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentConfirmed");

        // She downloads the guideline.
        await anna.GotoAsync("/guidelines");
        var download = await anna.RunAndWaitForDownloadAsync(() => anna.Locator("li.card", new() { HasText = guidelineTitle }).GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());
        Assert.Equal("subsidy-rules.pdf", download.SuggestedFilename);
        Assert.Equal(GuidelineBytes, await File.ReadAllBytesAsync((await download.PathAsync())!));
        await anna.AuditAsync("09-manager-guidelines");

        // Bert finds the session full and lands on the waitlist.
        var bert = await ActivatedManagerAsync(emailB, new ViewportSize { Width = 390, Height = 844 });
        await bert.GotoAsync("/sessions");
        var bertCard = bert.Locator("li.card", new() { HasText = sessionTitle });
        await Expect(bertCard).ToContainTextAsync("0 of 1 seats left");
        await bertCard.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();
        await Expect(bert.GetByRole(AriaRole.Status)).ToContainTextAsync("position 1");
        await Expect(bertCard).ToContainTextAsync("On the waitlist, position 1");
        await bert.AuditAsync("10-manager-waitlisted-phone");

        // Anna cancels from her own list; Bert moves up at once.
        await anna.GotoAsync("/my-sessions");
        await anna.AuditAsync("11-manager-my-sessions");
        await anna.Locator("li.card", new() { HasText = sessionTitle }).GetByRole(AriaRole.Button, new() { Name = "Cancel enrollment" }).ClickAsync();
        await Expect(anna.GetByRole(AriaRole.Status)).ToContainTextAsync("cancelled");
        await bert.ReloadAsync();
        await Expect(bertCard).ToContainTextAsync("You are enrolled");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(emailB, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "WaitlistPromoted");

        // Staff see it in the participant list.
        await staff.GotoAsync("/staff/sessions");
        await staff.GetByRole(AriaRole.Link, new() { Name = sessionTitle }).ClickAsync();
        await staff.Locator("nav.subnav").GetByRole(AriaRole.Link, new() { Name = "Participants" }).ClickAsync();
        await Expect(staff.Locator("tr", new() { HasText = "Bert Claes" })).ToContainTextAsync("Confirmed");
        await Expect(staff.Locator("tr", new() { HasText = "Anna Peeters" })).ToContainTextAsync("Cancelled");
        await staff.AuditAsync("12-staff-participants");

        // Each side stays on its own pages.
        await anna.GotoAsync("/staff");
        await Expect(anna.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Staff_find_the_manager_to_enroll_by_searching_however_many_the_agency_has()
    {
        var api = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(api, ManagerChoices + 5, language: "en");
        var wanted = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managers[^1]));
        var session = (await api.PublishedSessionAsync(capacity: 5)).Id;

        var staff = await StaffInEnglishAsync();
        await staff.GotoAsync($"/staff/sessions/{session}/participants");

        // More managers than one list offers: the page says so and offers a search.
        await Expect(staff.Locator("#managers-shown")).ToContainTextAsync($"The first {ManagerChoices} of");
        await Expect(staff.Locator("#clusterManagerId option")).ToHaveCountAsync(ManagerChoices);
        await staff.GetByLabel("Find a cluster manager").FillAsync(wanted);
        await staff.Locator("form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(staff.Locator("#clusterManagerId option")).ToHaveCountAsync(1);
        await staff.AuditAsync("staff-enroll-search");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Enroll this manager" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Enrolled.");
        await Expect(staff.Locator("tr", new() { HasText = $"Manager {ManagerChoices + 4:000}" })).ToContainTextAsync("Confirmed");

        await staff.GetByLabel("Find a cluster manager").FillAsync("nobody-by-this-name");
        await staff.Locator("form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(staff.GetByText("No active cluster manager matches.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_download_log_names_a_manager_beyond_the_first_page_of_the_directory()
    {
        using var staffClient = await app.StaffClientAsync();
        var api = staffClient.Typed();
        await app.CreateManagersAsync(api, 205, language: "en");
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staffClient);
        // Last in the directory's order (by name), so on its last page.
        var name = $"Zz Downloader {Guid.NewGuid():N}"[..26];
        await app.Database.ExecuteAsync($"UPDATE cluster_managers.managers SET full_name = '{name}' WHERE id = '{managerId}'");
        using var file = new MemoryStream(GuidelineBytes);
        var guideline = (await api.UploadGuidelineAsync(new FileUpload(file, "rules.pdf", "application/pdf"), "Rules for everyone", "Funding", "en", "Read me")
            .Expect(System.Net.HttpStatusCode.Created)).Id;
        await api.PublishGuidelineAsync(guideline).Expect(System.Net.HttpStatusCode.OK);
        // A download is a file: the manager's client asks for it as a browser would.
        using (manager)
        {
            await (await manager.GetAsync($"/api/guidelines/{guideline}/download")).ShouldBe(System.Net.HttpStatusCode.OK);
        }

        var staff = await StaffInEnglishAsync();
        await staff.GotoAsync($"/staff/guidelines/{guideline}");
        await Expect(staff.Locator("tr", new() { HasText = name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Staff_send_a_failed_email_again_from_the_send_log()
    {
        var api = await app.StaffApiAsync();
        var colleague = $"colleague-{Guid.NewGuid():N}@agency.example";
        app.Smtp.Refusal = SmtpServer.Protocol.SmtpResponse.MailboxUnavailable; // 550: failed at once
        try
        {
            await api.InviteStaffAsync(colleague, "Els Vermeulen", "en").Expect(System.Net.HttpStatusCode.Created);
            await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
                "SELECT count(*) FROM notifications.emails WHERE recipient = @r AND status = 'Failed'", ("r", colleague)) == 1);
        }
        finally
        {
            app.Smtp.Refusal = null;
        }

        var staff = await StaffInEnglishAsync();
        await staff.GotoAsync($"/staff/emails?status=Failed&recipient={Uri.EscapeDataString(colleague)}");
        await staff.AuditAsync("staff-emails-failed");
        await staff.Locator("tr", new() { HasText = colleague }).GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();

        await Expect(staff.GetByText("The email is due again and goes out within moments.")).ToBeVisibleAsync();
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(colleague, StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM notifications.emails WHERE recipient = @r AND status = 'Sent'", ("r", colleague)) == 1);
        await staff.GotoAsync($"/staff/emails?recipient={Uri.EscapeDataString(colleague)}");
        await Expect(staff.Locator("tr", new() { HasText = colleague })).ToContainTextAsync("Sent");
        await Expect(staff.Locator("tr", new() { HasText = colleague }).GetByRole(AriaRole.Button, new() { Name = "Send again" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_manager_changes_their_password_and_signs_in_with_the_new_one()
    {
        var email = $"changer-{Guid.NewGuid():N}@cluster.example";
        await app.CreateClusterManagerAsync(email, language: "en");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await SignInAsync(page, email, TestAccounts.Password);
        var elsewhere = await app.NewPageAsync();
        await elsewhere.GotoAsync("/login");
        await SignInAsync(elsewhere, email, TestAccounts.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync("not-my-password");
        await page.GetByLabel("New password").FillAsync("Brand-New-Password-1");
        await page.GetByLabel("Repeat the password").FillAsync("Brand-New-Password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for=CurrentPassword]")).ToContainTextAsync("not your current password");
        await page.AuditAsync("account-password-refused");

        await page.GetByLabel("Current password").FillAsync(TestAccounts.Password);
        await page.GetByLabel("New password").FillAsync("Brand-New-Password-1");
        await page.GetByLabel("Repeat the password").FillAsync("Brand-New-Password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your password is changed.");
        // Whoever changed it stays signed in; the session in the other browser has ended.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await elsewhere.ReloadAsync();
        await Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/login");
        await SignInAsync(page, email, "Brand-New-Password-1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_Admin_invites_a_colleague_makes_them_Admin_and_back_and_shuts_out_one_who_left()
    {
        var leaver = $"leaver-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(leaver, LearningNetwork.BuildingBlocks.Security.Roles.Staff);
        var colleague = $"colleague-{Guid.NewGuid():N}@agency.example";
        var staff = await StaffInEnglishAsync();
        staff.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Deactivate this staff account?" -> yes
        await staff.GetByRole(AriaRole.Link, new() { Name = "Staff accounts" }).ClickAsync();

        await staff.GetByLabel("Full name").FillAsync("Els Vermeulen");
        await staff.GetByLabel("Email").FillAsync(colleague);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("is invited");
        await Expect(staff.Locator("tr", new() { HasText = colleague })).ToContainTextAsync("Invited");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(colleague, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "Invitation");

        // No button to deactivate oneself.
        await Expect(staff.Locator("tr", new() { HasText = LearningNetworkApp.StaffEmail }).GetByRole(AriaRole.Button, new() { Name = "Deactivate" })).ToHaveCountAsync(0);
        await staff.AuditAsync("staff-team");
        await staff.Locator("tr", new() { HasText = leaver }).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("can no longer sign in");
        await Expect(staff.Locator("tr", new() { HasText = leaver })).ToContainTextAsync("Deactivated");

        await staff.Locator("tr", new() { HasText = colleague }).GetByRole(AriaRole.Button, new() { Name = "Make Admin" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("is now an Admin");
        await Expect(staff.Locator("tr", new() { HasText = colleague }).GetByRole(AriaRole.Button, new() { Name = "Withdraw Admin" })).ToHaveCountAsync(1);
        await staff.Locator("tr", new() { HasText = colleague }).GetByRole(AriaRole.Button, new() { Name = "Withdraw Admin" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("no longer an Admin");
        await Expect(staff.Locator("tr", new() { HasText = colleague }).GetByRole(AriaRole.Button, new() { Name = "Make Admin" })).ToHaveCountAsync(1);

        // The role changes are in the audit log, under the Admin who made them.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await staff.GetByLabel("Action").FillAsync("AdminWithdrawn");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("1 entries");
        await Expect(staff.Locator("tbody tr").First).ToContainTextAsync(LearningNetworkApp.StaffEmail);
        await Expect(staff.Locator("tbody tr").First).ToContainTextAsync("Roles now Staff");
        await staff.AuditAsync("staff-audit");
    }
}
