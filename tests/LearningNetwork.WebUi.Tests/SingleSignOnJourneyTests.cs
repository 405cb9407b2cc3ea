using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Staff sign in with their organisation account: the whole redirect dance through a real OpenID
/// Connect provider in a real browser (code flow with PKCE, the provider's own sign-in page, the
/// handler's callback), the refusals a person can meet, sign-out that ends the provider's session,
/// and a rotation of the provider's signing key.
/// </summary>
public sealed class SingleSignOnJourneyTests(SingleSignOnBrowserApp app) : BrowserJourney, IClassFixture<SingleSignOnBrowserApp>
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task A_staff_member_signs_in_with_their_organisation_account_and_signing_out_ends_the_providers_session()
    {
        var email = $"sso-{Guid.NewGuid():N}@agency.example";
        var staffId = await app.CreateAccountAsync(email, Roles.Staff);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.AuditAsync("sso-01-sign-in-choices");

        await SignInAtProviderAsync(page, email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'SignInSucceeded' AND actor_id = @id AND summary LIKE '%organisation account%'", ("id", staffId)));

        var endedBefore = app.Provider.EndedSessions;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(endedBefore + 1, app.Provider.EndedSessions);

        // The provider forgot the person too: the next sign-in asks for them again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisation sign-in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_invited_colleague_who_signs_in_with_their_organisation_account_is_active_in_the_staff_list()
    {
        var email = $"invited-{Guid.NewGuid():N}@agency.example";
        var invitedId = await app.CreateAccountAsync(email, Roles.Staff);
        // As an invitation leaves it: no password chosen, the address not yet confirmed.
        await app.Database.ExecuteAsync($"UPDATE accounts.users SET email_confirmed = false, password_hash = NULL WHERE id = '{invitedId}'");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");

        await SignInAtProviderAsync(page, email);
        await page.GotoAsync("/staff/team");

        await Expect(page.Locator("tr", new() { HasText = email })).ToContainTextAsync("Active");
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'AccountActivated' AND entity_id = @id", ("id", invitedId)));
    }

    [Fact]
    public async Task Only_an_active_staff_account_with_a_verified_address_gets_in_and_each_refusal_says_why()
    {
        var stranger = $"stranger-{Guid.NewGuid():N}@agency.example";
        var manager = $"manager-{Guid.NewGuid():N}@cluster.example";
        await app.CreateClusterManagerAsync(manager, language: "en");
        var leaver = $"leaver-{Guid.NewGuid():N}@agency.example";
        var leaverId = await app.CreateAccountAsync(leaver, Roles.Staff);
        await app.Database.ExecuteAsync($"UPDATE accounts.users SET is_active = false WHERE id = '{leaverId}'");
        var unverified = $"unverified-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(unverified, Roles.Staff);
        app.Provider.SetEmailVerified(unverified, false);
        var silent = $"silent-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(silent, Roles.Staff);
        app.Provider.SetEmailVerified(silent, null);

        foreach (var (email, says, screenshot) in new[]
        {
            (stranger, $"There is no staff account for {stranger}.", "sso-02-refused-no-account"),
            (manager, $"{manager} is a cluster manager's account.", "sso-03-refused-manager"),
            (leaver, $"The staff account for {leaver} is deactivated.", "sso-04-refused-deactivated"),
            (unverified, "did not confirm your email address", "sso-05-refused-unverified"),
            // By default a provider that does not say whether it verified the address is not believed.
            (silent, "did not confirm your email address", "sso-06-refused-unsaid"),
        })
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync("/login");
            await SignInAtProviderAsync(page, email);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in with your organisation account" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(says);
            Assert.EndsWith("/login/organisation", page.Url, StringComparison.Ordinal);
            await page.AuditAsync(screenshot);
            // Nobody is signed in: the start page asks to sign in.
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        }

        // Each refusal is in the audit log: by account where there is one, else by a keyed hash of the address.
        var managerId = await app.Database.ScalarAsync<Guid>("SELECT id FROM accounts.users WHERE email = @e", ("e", manager));
        Assert.Equal(2, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'SignInFailed' AND entity_id IN (@manager, @leaver) AND summary LIKE 'Sign-in with an organisation account refused%'",
            ("manager", managerId), ("leaver", leaverId)));
        Assert.True(await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'SignInFailed' AND entity_id IS NULL AND summary LIKE 'Sign-in with an organisation account refused: no account has this address (keyed hash %'") >= 1);
        Assert.True(await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'SignInFailed' AND entity_id IS NULL AND summary LIKE 'Sign-in with an organisation account refused: the provider did not confirm%'") >= 2);
    }

    [Fact]
    public async Task The_refusal_page_speaks_Dutch_and_French()
    {
        foreach (var (locale, heading, says) in new[]
        {
            ("nl-BE", "Aanmelden met uw organisatieaccount", "Er is geen medewerkersaccount voor"),
            ("fr-BE", "Connexion avec le compte de votre organisation", "Il n'existe pas de compte du personnel pour"),
        })
        {
            var page = await app.NewPageAsync(locale: locale);
            await page.GotoAsync("/login");
            await page.Locator("form[action*=Organisation] button").ClickAsync();
            await page.GetByLabel("Organisation email").FillAsync($"nobody-{Guid.NewGuid():N}@agency.example");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(says);
            await page.AuditAsync($"sso-refused-{locale}");
        }
    }

    [Fact]
    public async Task A_sign_in_after_the_provider_rotated_its_signing_key_still_works()
    {
        var email = $"rotation-{Guid.NewGuid():N}@agency.example";
        await app.CreateAccountAsync(email, Roles.Staff);
        var before = await app.NewPageAsync();
        await before.GotoAsync("/login");
        await SignInAtProviderAsync(before, email);
        await Expect(before.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        var oldKey = app.Provider.CurrentKeyId;

        app.Provider.RotateSigningKey();
        Assert.NotEqual(oldKey, app.Provider.CurrentKeyId);

        // A new browser: the provider signs this ID token with a key the host has not seen, and
        // the host fetches the provider's keys again instead of refusing it.
        var after = await app.NewPageAsync();
        await after.GotoAsync("/login");
        await SignInAtProviderAsync(after, email);
        await Expect(after.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_password_sign_in_off_for_staff_the_sign_in_page_says_to_use_the_organisation_account()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.Locator("main")).ToContainTextAsync("Agency staff sign in with their organisation account");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(LearningNetworkApp.StaffEmail);
        await page.GetByLabel("Password").FillAsync(LearningNetworkApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("Staff sign in with their organisation account: use the button above.");
        await page.AuditAsync("sso-07-staff-password-refused");

        // A cluster manager keeps their password.
        var manager = $"keeps-password-{Guid.NewGuid():N}@cluster.example";
        await app.CreateClusterManagerAsync(manager, language: "en");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(manager);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // Who signed in with a password signs out here only: the provider never knew them.
        var endedBefore = app.Provider.EndedSessions;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(endedBefore, app.Provider.EndedSessions);
    }

    /// <summary>Through the sign-in page's button to the provider's own page, and back with its answer.</summary>
    private async Task SignInAtProviderAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisation sign-in" })).ToBeVisibleAsync();
        await page.GetByLabel("Organisation email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
    }
}
