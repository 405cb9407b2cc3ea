using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LearningNetwork.Host.Security;

/// <summary>
/// The host runs behind a proxy that ends TLS (docs/operations.md). The proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the addresses in
/// <c>ForwardedHeaders:KnownProxies</c> and <c>ForwardedHeaders:KnownNetworks</c> (loopback when
/// neither is set), so the client's address (rate limits, audit log) and the scheme are the real
/// ones, and nobody else can claim an address by sending the header. Outside Development every
/// cookie is <c>Secure</c> and HTTPS answers carry HSTS.
/// </summary>
internal static class TransportSecurity
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksSetting = "ForwardedHeaders:KnownNetworks";

    /// <summary>How long a browser remembers to use HTTPS only.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var proxies = SettingList(configuration.GetSection(KnownProxiesSetting)).Select(p => ParseOrExplain(p, KnownProxiesSetting, IPAddress.Parse)).ToList();
        var networks = SettingList(configuration.GetSection(KnownNetworksSetting)).Select(n => ParseOrExplain(n, KnownNetworksSetting, System.Net.IPNetwork.Parse)).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count > 0)
            {
                // Configured: exactly these, not loopback besides (a proxy elsewhere must not be
                // impersonated by a process on this machine).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });

        var production = !builder.Environment.IsDevelopment();
        builder.Services.Configure<CookiePolicyOptions>(options =>
            options.Secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>First in the pipeline: everything after sees the client's address and scheme.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
        return app;
    }

    /// <summary>A list setting, as an array (<c>X__0</c>, <c>X__1</c>) or one value separated by commas, semicolons or spaces.</summary>
    private static IEnumerable<string> SettingList(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static T ParseOrExplain<T>(string value, string setting, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} has '{value}', which is not {(setting == KnownProxiesSetting ? "an IP address" : "a network in CIDR notation (e.g. 10.0.0.0/8)")}.");
        }
    }
}
