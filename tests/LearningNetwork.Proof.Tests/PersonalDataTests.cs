using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Proof.Tests;

/// <summary>
/// A cluster manager with data in every module (directory, account, enrollment, feedback, calendar
/// feed, learning network, guideline download, emails): the export lists it, the erasure leaves
/// none of their name, email or phone in any table of any schema.
/// </summary>
public sealed class PersonalDataTests(PersonalDataTests.PrivacyApp app) : IClassFixture<PersonalDataTests.PrivacyApp>
{
    [Fact]
    public async Task A_managers_data_is_exported_from_every_module_and_erased_from_every_table_with_the_figures_unchanged()
    {
        using var staff = await app.StaffClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (email, fullName, phone) = ($"griet.{tag}@erase.example", $"Griet Vermeersch {tag}", $"+32 470 {tag[..6]}");
        var clusterId = (await (await staff.PostAsJsonAsync("/api/clusters", new { name = $"Privacy {tag}", type = "SpearheadCluster" })).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var managerId = (await (await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId, fullName, email, phone, preferredLanguage = "nl" })).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await CreateSearchFunctionAsync();
        using var manager = await app.SignInAsync(managerId);

        var session = await staff.PublishedSessionAsync(capacity: 5);
        var sessionId = session.Id();
        var enrollmentId = Guid.Parse((await (await manager.EnrollAsync(sessionId)).Json(HttpStatusCode.Created)).Id());
        await (await manager.GetAsync("/api/me/calendar-feed")).ShouldBe(HttpStatusCode.OK);
        var network = await staff.CreateNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, [managerId]);
        var guidelineId = await PublishedGuidelineAsync(staff);
        await (await manager.GetAsync($"/api/guidelines/{guidelineId}/download")).ShouldBe(HttpStatusCode.OK);
        await RateAsync(enrollmentId, 4, $"Heel goed, groeten van {fullName}");
        using (var anonymous = app.CreateClient())
        {
            await (await anonymous.PostAsJsonAsync("/api/auth/forgot-password", new { email })).ShouldBe(HttpStatusCode.Accepted);
        }

        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && m.Headers["X-LearningNetwork-Kind"] == "PasswordReset");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentConfirmed");

        var export = await (await staff.GetAsync($"/api/cluster-managers/{managerId}/personal-data")).Json(HttpStatusCode.OK);
        Assert.Equal(email, export.GetProperty("directory").GetProperty("email").GetString());
        Assert.Equal(phone, export.GetProperty("directory").GetProperty("phone").GetString());
        Assert.Equal(email, export.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(enrollmentId.ToString(), export.GetProperty("enrollments").GetProperty("enrollments")[0].GetProperty("enrollmentId").GetString());
        Assert.Contains(fullName, export.GetProperty("enrollments").GetProperty("feedback")[0].GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, export.GetProperty("enrollments").GetProperty("calendarFeed").ValueKind);
        Assert.Equal(network.Id.ToString(), export.GetProperty("learningNetworks")[0].GetProperty("networkId").GetString());
        Assert.Equal(guidelineId, export.GetProperty("downloads")[0].GetProperty("guidelineId").GetString());
        var kinds = export.GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("PasswordReset", kinds);
        Assert.Contains("EnrollmentConfirmed", kinds);
        Assert.Contains(export.GetProperty("account").GetProperty("auditEntries").EnumerateArray(), e => e.GetProperty("action").GetString() == "SignInSucceeded");
        Assert.DoesNotContain("passwordHash", export.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", export.ToString(), StringComparison.OrdinalIgnoreCase);
        var mine = await (await manager.GetAsync("/api/me/personal-data")).Json(HttpStatusCode.OK);
        Assert.Equal(managerId.ToString(), mine.GetProperty("clusterManagerId").GetString());

        var feedbackBefore = await (await staff.GetAsync($"/api/sessions/{sessionId}/feedback")).Json(HttpStatusCode.OK);
        var downloadsBefore = (await (await staff.GetAsync($"/api/guidelines/{guidelineId}/downloads")).Json(HttpStatusCode.OK)).GetArrayLength();
        var emailsBefore = (await (await staff.GetAsync("/api/notifications?pageSize=200")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.True(await CountEverywhereAsync(email) > 0, "the setup left the email nowhere");

        await (await staff.PostAsJsonAsync($"/api/cluster-managers/{managerId}/erase", new { confirm = "someone.else@erase.example" })).ShouldNameInvalidField("confirm");
        await (await staff.PostAsJsonAsync($"/api/cluster-managers/{managerId}/erase", new { confirm = email.ToUpperInvariant() })).ShouldBe(HttpStatusCode.NoContent);

        foreach (var value in new List<string> { email, fullName, phone })
        {
            Assert.Empty(await TablesHoldingAsync(value));
        }

        await (await manager.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await staff.GetAsync($"/api/cluster-managers/{managerId}/personal-data")).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync($"/api/cluster-managers/{managerId}/erase", new { confirm = email })).ShouldBe(HttpStatusCode.NotFound);
        var feedbackAfter = await (await staff.GetAsync($"/api/sessions/{sessionId}/feedback")).Json(HttpStatusCode.OK);
        Assert.Equal(feedbackBefore.GetProperty("responses").GetInt32(), feedbackAfter.GetProperty("responses").GetInt32());
        Assert.Equal(feedbackBefore.GetProperty("averageRating").GetDouble(), feedbackAfter.GetProperty("averageRating").GetDouble());
        Assert.Equal(downloadsBefore, (await (await staff.GetAsync($"/api/guidelines/{guidelineId}/downloads")).Json(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(emailsBefore, (await (await staff.GetAsync("/api/notifications?pageSize=200")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var erasure = await (await staff.GetAsync($"/api/audit?action=PersonalDataErased&entityId={managerId}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, erasure.GetProperty("total").GetInt32());

        // The address is free for a new directory entry (and, through it, a new account).
        await (await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId, fullName = "Someone New", email, preferredLanguage = "en" })).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Every table of every schema whose rows, as text, contain the value (case-insensitively).</summary>
    private async Task<string[]> TablesHoldingAsync(string value)
    {
        var found = await app.Database.ScalarAsync<string>("""
            SELECT coalesce(string_agg(t, ','), '') FROM (
              SELECT format('%I.%I', table_schema, table_name) AS t
              FROM information_schema.tables
              WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                AND public.test_rows_containing(table_schema, table_name, @v) > 0) holding
            """, ("v", value));
        return found.Length == 0 ? [] : found.Split(',');
    }

    private async Task<long> CountEverywhereAsync(string value) => await app.Database.ScalarAsync<long>("""
        SELECT coalesce(sum(public.test_rows_containing(table_schema, table_name, @v)), 0)::bigint
        FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        """, ("v", value));

    private Task CreateSearchFunctionAsync() => app.Database.ExecuteAsync("""
        CREATE OR REPLACE FUNCTION public.test_rows_containing(s text, t text, v text) RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE n bigint;
        BEGIN
          EXECUTE format('SELECT count(*) FROM %I.%I x WHERE strpos(lower(x::text), lower($1)) > 0', s, t) INTO n USING v;
          RETURN n;
        END $$
        """);

    private async Task RateAsync(Guid enrollmentId, int rating, string comment)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueFeedbackTokens([enrollmentId]));
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/feedback", new { token = tokens[enrollmentId], rating, comment })).ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<string> PublishedGuidelineAsync(HttpClient staff)
    {
        var pdf = new byte[2048];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(pdf, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(pdf, pdf.Length - 7);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "rules.pdf");
        foreach (var (field, value) in new[] { ("title", "Rules for everyone"), ("category", "Funding"), ("language", "en") })
        {
            form.Add(new StringContent(value), field);
        }

        var guideline = (await (await staff.PostAsync("/api/guidelines", form)).Json(HttpStatusCode.Created)).Id();
        await (await staff.PostAsync($"/api/guidelines/{guideline}/publish", null)).ShouldBe(HttpStatusCode.OK);
        return guideline;
    }

    public sealed class PrivacyApp : LearningNetworkApp;
}
