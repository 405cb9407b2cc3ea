using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// What the browser journeys share: signing in, an activated manager, a manager a browser can sign
/// in as, sessions and guidelines made through the API. Each journey class runs in one of the
/// <see cref="BrowserCollections"/>, whose host and browser its classes take turns on; the
/// collections run side by side. The pages a test opened are closed when it ends, so that the
/// browser does not carry every earlier test's pages.
/// </summary>
public abstract partial class BrowserJourney : IAsyncLifetime
{
    protected const string ManagerPassword = "Manager-Password-2027";

    protected static readonly byte[] GuidelineBytes = "%PDF-1.7\nrules"u8.ToArray();

    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The host and browser of the collection this class runs in.</summary>
    protected abstract BrowserApp App { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Closes the pages (browser contexts) this test opened: the classes of a collection run one test at a time.</summary>
    public async Task DisposeAsync()
    {
        foreach (var context in App.Browser.Contexts.ToList())
        {
            await context.CloseAsync();
        }
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>A page signed in as the bootstrap staff member, the UI switched to English.</summary>
    protected Task<IPage> StaffInEnglishAsync() => StaffInAsync("en");

    /// <summary>A page signed in as the bootstrap staff member, the UI switched to the given language.</summary>
    protected async Task<IPage> StaffInAsync(string language, ViewportSize? viewport = null)
    {
        var staff = await App.NewPageAsync(viewport);
        await staff.GotoAsync("/login");
        await SignInAsync(staff, LearningNetworkApp.StaffEmail, LearningNetworkApp.StaffPassword);
        await staff.Locator($"button[value={language}]").ClickAsync();
        return staff;
    }

    /// <summary>The manager invited at this address opens the invitation's link, chooses a password and is signed in.</summary>
    protected async Task<IPage> ActivatedManagerAsync(string email, ViewportSize? viewport = null)
    {
        var invitation = await App.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && m.Headers["X-LearningNetwork-Kind"] == "Invitation");
        var link = ActivationLink().Match(invitation.TextBody ?? string.Empty).Value;
        Assert.StartsWith(App.BaseUrl + "/activate?token=", link, StringComparison.Ordinal);

        var page = await App.NewPageAsync(viewport);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Cancel your enrollment?" -> yes
        await page.GotoAsync(link);
        await page.AuditAsync("manager-activate");
        await page.GetByLabel("New password").FillAsync(ManagerPassword);
        await page.GetByLabel("Repeat the password").FillAsync(ManagerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        // Signed in straight away: nobody types the password they just chose a second time. The page
        // now speaks the manager's language, and so does its welcome.
        var welcome = await page.Locator("html").GetAttributeAsync("lang") switch
        {
            "nl" => "Uw account is actief en u bent aangemeld.",
            "fr" => "Votre compte est actif et vous êtes connecté.",
            _ => "Your account is active and you are signed in.",
        };
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(welcome);
        await Expect(page.Locator("form[action='/logout'] button")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A directory manager with a unique name whom a browser can sign in as (email, <see cref="TestAccounts.Password"/>), and their signed-in API client.</summary>
    protected async Task<(Guid Id, string Email, HttpClient Client)> BrowserManagerAsync(LearningNetworkApi api, string fullName, string language, Guid? clusterId = null)
    {
        clusterId ??= (await api.CreateClusterAsync(new ClusterRequest($"Cluster of {fullName}", "SpearheadCluster")).Expect(HttpStatusCode.Created)).Id;
        var email = $"{Guid.NewGuid():N}@cluster.example";
        var created = await api.CreateManagerAsync(new ManagerRequest(clusterId, fullName, email, language)).Expect(HttpStatusCode.Created);
        return (created.Id, email, await App.SignInAsync(created.Id));
    }

    /// <summary>The whole control is within the viewport's width, without scrolling sideways.</summary>
    protected static async Task AssertOnScreenAsync(IPage page, ILocator control)
    {
        await Expect(control).ToBeVisibleAsync();
        var box = (await control.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= page.ViewportSize!.Width, $"The control reaches {box.X + box.Width} px on a {page.ViewportSize!.Width} px wide screen.");
        Assert.Equal(page.ViewportSize.Width, await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The page scrolls sideways.");
    }

    /// <summary>A session the manager was enrolled in that took place 30 days ago (marked attended or not).</summary>
    protected async Task<Guid> PastSessionAsync(LearningNetworkApi api, Guid managerId, bool attended, Guid? guideline = null)
    {
        var id = (await api.PublishedSessionAsync(capacity: 5, daysAhead: 3)).Id;
        if (guideline is { } material)
        {
            await api.SetMaterialsAsync(id, [material]).Expect(HttpStatusCode.NoContent);
        }

        var enrollment = await api.EnrollAsync(id, managerId).Expect(HttpStatusCode.Created);
        if (attended)
        {
            await api.RecordAttendanceAsync(id, [(enrollment.Id, "Attended")]).Expect(HttpStatusCode.NoContent);
        }

        var localStart = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(-30).AddHours(10), DateTimeKind.Unspecified);
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(localStart, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
        await App.Database.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            UPDATE sessions.sessions SET start_local = '{localStart:yyyy-MM-dd HH:mm}', end_local = '{localStart.AddHours(2):yyyy-MM-dd HH:mm}',
                starts_at = '{startsAt:yyyy-MM-dd HH:mm}+00', ends_at = '{startsAt.AddHours(2):yyyy-MM-dd HH:mm}+00'
            WHERE id = '{id}'
            """));
        return id;
    }

    /// <summary>A published PDF guideline with this title; returns its id.</summary>
    protected static async Task<Guid> PublishedGuidelineAsync(LearningNetworkApi api, string title, string fileName = "rules.pdf")
    {
        using var file = new MemoryStream(GuidelineBytes);
        var id = (await api.UploadGuidelineAsync(new FileUpload(file, fileName, "application/pdf"), title, "Funding", "en", null).Expect(HttpStatusCode.Created)).Id;
        await api.PublishGuidelineAsync(id).Expect(HttpStatusCode.OK);
        return id;
    }

    /// <summary>A session in Gent for 7 people, made through the API; its id.</summary>
    protected static async Task<Guid> SessionThroughApiAsync(LearningNetworkApi api, string title, int daysAhead, bool publish)
    {
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(10);
        var session = await api.CreateSessionAsync(new SessionRequest(
            title, "Training", "Europe/Brussels", 7, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(2)), Location: "Gent")).Expect(HttpStatusCode.Created);
        if (publish)
        {
            await api.PublishSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        }

        return session.Id;
    }

    /// <summary>The activation link in an invitation's text.</summary>
    [GeneratedRegex(@"https?://[^\s""<>]+/activate\?token=[^\s""<>]+")]
    protected static partial Regex ActivationLink();
}
