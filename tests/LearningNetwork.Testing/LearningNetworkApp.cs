using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LearningNetwork.Testing;

/// <summary>
/// The real host, in-process, on its own fresh database: migrations applied and the bootstrap
/// staff account created exactly as in production. Use as an xunit class fixture.
/// </summary>
public class LearningNetworkApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StaffEmail = "staff@test.local";
    public const string StaffPassword = "Staff-Password-123";

    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The SMTP server this host sends to.</summary>
    public TestSmtpServer Smtp { get; } = new();

    /// <summary>Extra settings a test class needs (e.g. a low rate limit); applied over the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Test-only service replacements (e.g. a FakeTimeProvider).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Smtp.Start();
        StartHost();
    }

    /// <summary>The database this host runs on: a fresh one on the test run's PostgreSQL unless a test class says otherwise.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>Starts the host now, so migrations and bootstrap run here rather than inside the first test.</summary>
    protected virtual void StartHost() => _ = Server;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await DisposeDatabaseServerAsync();
    }

    /// <summary>For test classes that run a PostgreSQL of their own: stop it, after the database is dropped.</summary>
    protected virtual ValueTask DisposeDatabaseServerAsync() => ValueTask.CompletedTask;

    /// <summary>As behind the TLS proxy of a deployment: outside Development cookies are Secure, so clients speak https.</summary>
    public LearningNetworkApp() => ClientOptions.BaseAddress = new Uri("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in AllSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>
    /// A second instance of the host on the same database and SMTP server, as in a deployment with
    /// several hosts: its own outbox dispatchers, email sender and in-memory state.
    /// </summary>
    public WebApplicationFactory<Program> AnotherHost() => new OtherHost(AllSettings());

    private Dictionary<string, string?> AllSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:LearningNetwork"] = Database.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Bootstrap:StaffEmail"] = StaffEmail,
            ["Bootstrap:StaffPassword"] = StaffPassword,
            ["Outbox:PollIntervalMilliseconds"] = "50",
            ["RateLimiting:LoginPermitsPerMinute"] = "100000",
            ["App:PublicBaseUrl"] = "http://localhost",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            // The host runs as outside Development: it needs what production must set.
            ["Smtp:AllowUnencrypted"] = "true",
            ["DataProtection:CertificatePath"] = DataProtectionCertificate.Path,
            ["DataProtection:CertificatePassword"] = DataProtectionCertificate.Password,
            ["Email:PollIntervalMilliseconds"] = "100",
            ["Email:FirstRetryDelaySeconds"] = "1",
            ["Email:MaxRetryDelaySeconds"] = "2",
            ["Hangfire:SchedulePollSeconds"] = "1",
            ["Hangfire:WorkerCount"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private sealed class OtherHost : WebApplicationFactory<Program>
    {
        private readonly Dictionary<string, string?> _settings;

        public OtherHost(Dictionary<string, string?> settings)
        {
            _settings = settings;
            ClientOptions.BaseAddress = new Uri("https://localhost");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>A client with a bearer token for the given account.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A client that keeps cookies, as a browser does, over https (outside Development cookies are Secure).</summary>
    public HttpClient BrowserClient(bool allowAutoRedirect = true) => CreateClient(new WebApplicationFactoryClientOptions
    {
        HandleCookies = true,
        AllowAutoRedirect = allowAutoRedirect,
        BaseAddress = new Uri("https://localhost"),
    });

    public Task<HttpClient> StaffClientAsync() => SignedInClientAsync(StaffEmail, StaffPassword);

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
}
