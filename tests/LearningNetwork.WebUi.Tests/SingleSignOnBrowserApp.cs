using LearningNetwork.Testing;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// The host in the browser with single sign-on: a real OpenID Connect provider on loopback
/// (<see cref="TestIdentityProvider"/>) is started first, and the host is configured for it as an
/// operator would, with password sign-in switched off for staff.
/// </summary>
public sealed class SingleSignOnBrowserApp : BrowserApp
{
    public TestIdentityProvider Provider { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in Provider.HostSettings)
            {
                settings[key] = value;
            }

            settings["Oidc:StaffPasswordSignIn"] = "false";
            return settings;
        }
    }

    protected override void StartHost()
    {
        Provider.StartAsync(BaseUrl).GetAwaiter().GetResult();
        base.StartHost();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
