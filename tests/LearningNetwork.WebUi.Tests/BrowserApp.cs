using LearningNetwork.Testing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// The real host on a real port (Kestrel, not the in-memory test server), because a browser has
/// to reach it and the UI calls the host's own API over loopback; plus one Chromium for the class.
/// </summary>
public class BrowserApp : LearningNetworkApp
{
    private readonly int _port = HostProcess.FreePort();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp() => UseKestrel(_port);

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where screenshots go: test artifacts, kept after the run.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("LN_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Links in emails must lead to this host, as they do in production.
        ["App:PublicBaseUrl"] = BaseUrl,
    };

    /// <summary>A request with this header makes the page it asks for fail, to show what a person sees then.</summary>
    public const string FailPageHeader = "X-Test-Page-Fails";

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(new FailingPageFilter()));

    protected override void StartHost()
    {
        StartServer();
        _playwright = Playwright.CreateAsync().GetAwaiter().GetResult();
        _browser = _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // No sandbox when run as root (CI); no calls home, which this machine's network refuses anyway.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }).GetAwaiter().GetResult();
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            AcceptDownloads = true,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page bug on demand; the error page itself still renders.</summary>
    private sealed class FailingPageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Headers.ContainsKey(FailPageHeader) && context.HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null
                ? throw new InvalidOperationException("A page failed on purpose (test).")
                : next();
    }
}
