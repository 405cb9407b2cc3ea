using System.Net;
using System.Text;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
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
        using var staffClient = await app.StaffClientAsync();
        var staff = staffClient.Typed();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (email, fullName, phone) = ($"griet.{tag}@erase.example", $"Griet Vermeersch {tag}", $"+32 470 {tag[..6]}");
        var clusterId = (await staff.CreateClusterAsync(new ClusterRequest($"Privacy {tag}", "SpearheadCluster")).Expect(HttpStatusCode.Created)).Id;
        var managerId = (await staff.CreateManagerAsync(new ManagerRequest(clusterId, fullName, email, "nl", phone)).Expect(HttpStatusCode.Created)).Id;
        await CreateSearchFunctionAsync();
        using var managerClient = await app.SignInAsync(managerId);
        var manager = managerClient.Typed();

        var session = await staff.PublishedSessionAsync(capacity: 5);
        var enrollmentId = (await manager.EnrollAsync(session.Id).Expect(HttpStatusCode.Created)).Id;
        await manager.GetCalendarFeedAsync().Expect(HttpStatusCode.OK);
        var network = await staff.NewNetworkAsync("MembersOnly");
        await staff.AddMembersAsync(network.Id, [managerId]);
        var guidelineId = await PublishedGuidelineAsync(staff);
        // A download is a file, not JSON: the client has no call for it.
        await (await managerClient.GetAsync($"/api/guidelines/{guidelineId}/download")).ShouldBe(HttpStatusCode.OK);
        await RateAsync(enrollmentId, 4, $"Heel goed, groeten van {fullName}");
        using (var anonymous = app.CreateClient())
        {
            await anonymous.Typed().RequestPasswordResetAsync(email).Expect(HttpStatusCode.Accepted);
        }

        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && m.Headers["X-LearningNetwork-Kind"] == "PasswordReset");
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && m.Headers["X-LearningNetwork-Kind"] == "EnrollmentConfirmed");

        var export = await staff.ExportPersonalDataAsync(managerId).Expect(HttpStatusCode.OK);
        Assert.Equal(email, export.Directory.Email);
        Assert.Equal(phone, export.Directory.Phone);
        Assert.Equal(email, export.Account?.Email);
        Assert.Equal(enrollmentId, export.Enrollments.Enrollments[0].EnrollmentId);
        Assert.Contains(fullName, export.Enrollments.Feedback[0].Comment, StringComparison.Ordinal);
        Assert.NotNull(export.Enrollments.CalendarFeed);
        Assert.Equal(network.Id, export.LearningNetworks[0].NetworkId);
        Assert.Equal(guidelineId, export.Downloads[0].GuidelineId);
        var kinds = export.Emails.Select(e => e.Kind).ToList();
        Assert.Contains(EmailKind.PasswordReset, kinds);
        Assert.Contains(EmailKind.EnrollmentConfirmed, kinds);
        Assert.Contains(export.Account!.AuditEntries, e => e.Action == "SignInSucceeded");
        // The account's secrets are in no field of the document as sent, whatever the records read of it.
        var document = await staffClient.GetStringAsync($"/api/cluster-managers/{managerId}/personal-data");
        Assert.DoesNotContain("passwordHash", document, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", document, StringComparison.OrdinalIgnoreCase);
        var mine = await manager.ExportMyPersonalDataAsync().Expect(HttpStatusCode.OK);
        Assert.Equal(managerId, mine.ClusterManagerId);

        var feedbackBefore = await staff.GetFeedbackSummaryAsync(session.Id).Expect(HttpStatusCode.OK);
        var downloadsBefore = (await staff.GetGuidelineDownloadsAsync(guidelineId).Expect(HttpStatusCode.OK)).Count;
        var emailsBefore = (await staff.GetEmailsAsync(new EmailQuery(PageSize: 200)).Expect(HttpStatusCode.OK)).Total;
        Assert.True(await CountEverywhereAsync(email) > 0, "the setup left the email nowhere");

        await staff.ErasePersonalDataAsync(managerId, "someone.else@erase.example").ShouldNameInvalidField("confirm");
        await staff.ErasePersonalDataAsync(managerId, email.ToUpperInvariant()).Expect(HttpStatusCode.NoContent);

        foreach (var value in new List<string> { email, fullName, phone })
        {
            Assert.Empty(await TablesHoldingAsync(value));
        }

        await manager.GetMeAsync().ExpectProblem(HttpStatusCode.Unauthorized);
        await staff.ExportPersonalDataAsync(managerId).ExpectProblem(HttpStatusCode.NotFound);
        await staff.ErasePersonalDataAsync(managerId, email).ExpectProblem(HttpStatusCode.NotFound);
        var feedbackAfter = await staff.GetFeedbackSummaryAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal(feedbackBefore.Responses, feedbackAfter.Responses);
        Assert.Equal(feedbackBefore.AverageRating, feedbackAfter.AverageRating);
        Assert.Equal(downloadsBefore, (await staff.GetGuidelineDownloadsAsync(guidelineId).Expect(HttpStatusCode.OK)).Count);
        Assert.Equal(emailsBefore, (await staff.GetEmailsAsync(new EmailQuery(PageSize: 200)).Expect(HttpStatusCode.OK)).Total);
        var erasure = await staff.GetAuditLogAsync(new AuditQuery(Action: "PersonalDataErased", EntityId: managerId)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, erasure.Total);

        // The address is free for a new directory entry (and, through it, a new account).
        await staff.CreateManagerAsync(new ManagerRequest(clusterId, "Someone New", email, "en")).Expect(HttpStatusCode.Created);
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
        await anonymous.Typed().SendFeedbackAsync(tokens[enrollmentId], rating, comment).Expect(HttpStatusCode.NoContent);
    }

    private static async Task<Guid> PublishedGuidelineAsync(LearningNetworkApi staff)
    {
        var pdf = new byte[2048];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(pdf, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(pdf, pdf.Length - 7);
        using var file = new MemoryStream(pdf);
        var guideline = await staff.UploadGuidelineAsync(new FileUpload(file, "rules.pdf", "application/pdf"), "Rules for everyone", "Funding", "en", null)
            .Expect(HttpStatusCode.Created);
        await staff.PublishGuidelineAsync(guideline.Id).Expect(HttpStatusCode.OK);
        return guideline.Id;
    }

    public sealed class PrivacyApp : LearningNetworkApp;
}
