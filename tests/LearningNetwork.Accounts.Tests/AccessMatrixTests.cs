using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// Who may call what, for every API endpoint the host maps. The table is written by hand; the
/// list of endpoints comes from the running host, so a new endpoint without an entry fails here.
/// Every endpoint is called by a stranger, a cluster manager, a staff member and an Admin.
/// </summary>
public sealed class AccessMatrixTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private enum Who
    {
        Anyone,
        SignedIn,
        Staff,
        Admin,
        Manager,
    }

    private static readonly Dictionary<string, Who> Expected = new()
    {
        ["POST /api/auth/login"] = Who.Anyone,
        ["POST /api/auth/cookie-login"] = Who.Anyone,
        ["POST /api/auth/activate"] = Who.Anyone,
        ["POST /api/auth/forgot-password"] = Who.Anyone,
        ["POST /api/auth/reset-password"] = Who.Anyone,
        ["POST /api/feedback"] = Who.Anyone,
        ["GET /calendar/{token}.ics"] = Who.Anyone,
        ["GET /api/me"] = Who.SignedIn,
        ["POST /api/me/password"] = Who.SignedIn,
        ["GET /api/reports/overview"] = Who.Staff,
        ["POST /api/staff"] = Who.Admin,
        ["GET /api/staff"] = Who.Staff,
        ["POST /api/staff/{id:guid}/deactivate"] = Who.Admin,
        ["PUT /api/staff/{id:guid}/roles"] = Who.Admin,
        ["GET /api/audit"] = Who.Admin,
        ["GET /api/cluster-managers/{id:guid}/personal-data"] = Who.Admin,
        ["GET /api/me/personal-data"] = Who.Manager,
        ["POST /api/cluster-managers/{id:guid}/erase"] = Who.Admin,
        ["POST /api/clusters"] = Who.Staff,
        ["GET /api/clusters"] = Who.Staff,
        ["GET /api/clusters/{id:guid}"] = Who.Staff,
        ["PUT /api/clusters/{id:guid}"] = Who.Staff,
        ["POST /api/cluster-managers"] = Who.Staff,
        ["GET /api/cluster-managers"] = Who.Staff,
        ["GET /api/cluster-managers/{id:guid}"] = Who.Staff,
        ["PUT /api/cluster-managers/{id:guid}"] = Who.Staff,
        ["POST /api/cluster-managers/{id:guid}/deactivate"] = Who.Staff,
        ["POST /api/cluster-managers/{id:guid}/resend-invitation"] = Who.Staff,
        ["GET /api/cluster-managers/{id:guid}/enrollments"] = Who.Staff,
        ["GET /api/cluster-managers/{id:guid}/downloads"] = Who.Staff,
        ["GET /api/cluster-managers/{id:guid}/learning-networks"] = Who.Staff,
        ["POST /api/cluster-managers/import"] = Who.Staff,
        ["POST /api/sessions"] = Who.Staff,
        ["GET /api/sessions"] = Who.SignedIn,
        ["GET /api/sessions/{id:guid}"] = Who.SignedIn,
        ["PUT /api/sessions/{id:guid}"] = Who.Staff,
        ["POST /api/sessions/{id:guid}/publish"] = Who.Staff,
        ["POST /api/sessions/{id:guid}/reschedule"] = Who.Staff,
        ["POST /api/sessions/{id:guid}/cancel"] = Who.Staff,
        ["GET /api/sessions/{id:guid}/calendar.ics"] = Who.SignedIn,
        ["POST /api/series"] = Who.Staff,
        ["POST /api/series/preview"] = Who.Staff,
        ["POST /api/series/{id:guid}/publish"] = Who.Staff,
        ["GET /api/reminder-defaults"] = Who.Staff,
        ["PUT /api/reminder-defaults"] = Who.Staff,
        ["POST /api/sessions/{id:guid}/enrollments"] = Who.SignedIn,
        ["POST /api/series/{id:guid}/enrollments"] = Who.SignedIn,
        ["POST /api/enrollments/{id:guid}/cancel"] = Who.SignedIn,
        ["POST /api/enrollments/{id:guid}/move"] = Who.Staff,
        ["GET /api/sessions/{id:guid}/enrollments"] = Who.Staff,
        ["GET /api/sessions/{id:guid}/enrollments.csv"] = Who.Staff,
        ["PUT /api/sessions/{id:guid}/attendance"] = Who.Staff,
        ["GET /api/me/enrollments"] = Who.Manager,
        ["GET /api/me/calendar-feed"] = Who.Manager,
        ["POST /api/me/calendar-feed/rotate"] = Who.Manager,
        ["GET /api/sessions/{id:guid}/feedback"] = Who.Staff,
        ["GET /api/notifications"] = Who.Staff,
        ["POST /api/notifications/{id:guid}/resend"] = Who.Staff,
        ["POST /api/guidelines"] = Who.Staff,
        ["POST /api/guidelines/{id:guid}/versions"] = Who.Staff,
        ["POST /api/guidelines/{id:guid}/publish"] = Who.Staff,
        ["GET /api/guidelines"] = Who.SignedIn,
        ["GET /api/guidelines/{id:guid}"] = Who.SignedIn,
        ["GET /api/guidelines/{id:guid}/download"] = Who.SignedIn,
        ["GET /api/guidelines/{id:guid}/versions/{number:int}/download"] = Who.SignedIn,
        ["GET /api/guidelines/{id:guid}/downloads"] = Who.Staff,
        ["PUT /api/sessions/{id:guid}/materials"] = Who.Staff,
        ["POST /api/sessions/{id:guid}/messages"] = Who.Staff,
        ["POST /api/sessions/{id:guid}/announce"] = Who.Staff,
        ["GET /api/me/preferences"] = Who.Manager,
        ["PUT /api/me/preferences"] = Who.Manager,
        ["POST /api/unsubscribe"] = Who.Anyone,
        ["GET /api/unsubscribe"] = Who.Anyone,
        ["POST /api/learning-networks"] = Who.Staff,
        ["GET /api/learning-networks"] = Who.SignedIn,
        ["GET /api/learning-networks/{id:guid}"] = Who.SignedIn,
        ["PUT /api/learning-networks/{id:guid}"] = Who.Staff,
        ["POST /api/learning-networks/{id:guid}/members"] = Who.Staff,
        ["GET /api/learning-networks/{id:guid}/members"] = Who.Staff,
        ["DELETE /api/learning-networks/{id:guid}/members/{clusterManagerId:guid}"] = Who.Staff,
        ["POST /api/learning-networks/{id:guid}/join"] = Who.Manager,
        ["POST /api/learning-networks/{id:guid}/leave"] = Who.Manager,
        ["GET /api/learning-networks/{id:guid}/attendance"] = Who.Staff,
        ["GET /api/learning-networks/{id:guid}/attendance.csv"] = Who.Staff,
        ["GET /api/reports/participation"] = Who.Staff,
        ["GET /api/reports/participation.csv"] = Who.Staff,
        ["GET /api/reports/participation.xlsx"] = Who.Staff,
        ["GET /api/enrollments/{id:guid}/certificate.pdf"] = Who.SignedIn,
        ["GET /api/learning-networks/{id:guid}/members/{clusterManagerId:guid}/certificate.pdf"] = Who.SignedIn,
        ["GET /api/me/certificates"] = Who.Manager,
        ["POST /api/funding-calls"] = Who.Staff,
        ["GET /api/funding-calls"] = Who.SignedIn,
        ["GET /api/funding-calls/{id:guid}"] = Who.SignedIn,
        ["PUT /api/funding-calls/{id:guid}"] = Who.Staff,
        ["POST /api/funding-calls/{id:guid}/publish"] = Who.Staff,
        ["POST /api/funding-calls/{id:guid}/withdraw"] = Who.Staff,
        ["GET /api/clusters/{id:guid}/history"] = Who.Staff,
    };

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_access_table()
    {
        var mapped = ApiEndpoints().Select(e => e.Key).ToHashSet();

        Assert.Empty(mapped.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(mapped));
    }

    [Fact]
    public async Task Strangers_get_401_and_managers_staff_and_admins_get_403_where_they_do_not_belong()
    {
        using var anonymous = app.CreateClient();
        var email = $"matrix-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(email);
        using var manager = await app.SignedInClientAsync(email, TestAccounts.Password);
        var staffEmail = $"matrix-staff-{Guid.NewGuid():N}@test.local";
        await app.CreateAccountAsync(staffEmail, BuildingBlocks.Security.Roles.Staff);
        using var staff = await app.SignedInClientAsync(staffEmail, TestAccounts.Password);
        using var admin = await app.StaffClientAsync();
        var wrong = new List<string>();

        foreach (var (key, method, path) in ApiEndpoints().Select(e => (e.Key, e.Method, Concrete(e.Pattern))))
        {
            var who = Expected[key];
            var asStranger = await SendAsync(anonymous, method, path);
            if (who != Who.Anyone && asStranger != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{key} as a stranger: {(int)asStranger}");
            }

            if (who == Who.Anyone && asStranger is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key} is public but answered a stranger {(int)asStranger}");
            }

            var asManager = await SendAsync(manager, method, path);
            if (who is Who.Staff or Who.Admin && asManager != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key} as a manager: {(int)asManager}");
            }

            var asStaff = await SendAsync(staff, method, path);
            if (who is Who.Manager or Who.Admin && asStaff != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key} as staff: {(int)asStaff}");
            }

            if (who is Who.Staff or Who.SignedIn && asStaff is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key} refused staff: {(int)asStaff}");
            }

            var asAdmin = await SendAsync(admin, method, path);
            if (who == Who.Manager && asAdmin != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key} as an Admin: {(int)asAdmin}");
            }

            if (who is Who.Staff or Who.Admin or Who.SignedIn && asAdmin is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key} refused an Admin: {(int)asAdmin}");
            }

            if ((int)asStranger >= 500 || (int)asManager >= 500 || (int)asStaff >= 500 || (int)asAdmin >= 500)
            {
                wrong.Add($"{key} answered a 5xx to an empty request");
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>
    /// <c>/metrics</c> is not under <c>/api</c>: who may read it is decided by the network a request
    /// comes from, not by who signs in (MetricsAccessTests has the networks).
    /// </summary>
    [Fact]
    public async Task Metrics_answer_the_allowed_networks_and_refuse_everyone_else_signed_in_or_not()
    {
        var email = $"matrix-metrics-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(email);
        using var manager = await app.SignedInClientAsync(email, TestAccounts.Password);
        using var admin = await app.StaffClientAsync();
        var outside = IPAddress.Parse("198.51.100.7");

        foreach (var token in new string?[] { null, manager.DefaultRequestHeaders.Authorization!.Parameter, admin.DefaultRequestHeaders.Authorization!.Parameter })
        {
            var (status, body) = await app.ScrapeAsync(outside, bearerToken: token);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("learningnetwork_", body, StringComparison.Ordinal);
        }

        var (fromLoopback, metrics) = await app.ScrapeAsync(IPAddress.Loopback);
        Assert.Equal(HttpStatusCode.OK, fromLoopback);
        Assert.Contains("learningnetwork_emails_pending", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.ScrapeAsync(IPAddress.IPv6Loopback)).Status);
    }

    private static Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);

    private IEnumerable<(string Key, string Method, string Pattern)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/calendar", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => ($"{m} {e.RoutePattern.RawText!.TrimEnd('/')}", m, e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct();

    private static string Concrete(string pattern) => pattern
        .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{clusterManagerId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{number:int}", "1", StringComparison.Ordinal)
        .Replace("{token}", "not-a-token", StringComparison.Ordinal);
}
