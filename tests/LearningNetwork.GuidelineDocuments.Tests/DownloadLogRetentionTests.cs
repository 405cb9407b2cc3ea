using System.Net;
using LearningNetwork.Testing;

namespace LearningNetwork.GuidelineDocuments.Tests;

/// <summary>The download log says who read what: by default it keeps a year, purged as each instance starts and hourly.</summary>
public sealed class DownloadLogRetentionTests(DownloadLogRetentionTests.DefaultSettingsApp app) : IClassFixture<DownloadLogRetentionTests.DefaultSettingsApp>
{
    [Fact]
    public async Task Downloads_older_than_a_year_are_deleted_by_default_and_younger_ones_kept()
    {
        using var staff = await app.StaffClientAsync();
        var guideline = (await (await staff.PostAsync("/api/guidelines", Files.Form(Files.Pdf(), "regels.pdf",
            fields: [("title", "Bewaartermijn"), ("category", "Financiering"), ("language", "nl")]))).Json(HttpStatusCode.Created)).Id();
        await (await staff.PostAsync($"/api/guidelines/{guideline}/publish", null)).ShouldBe(HttpStatusCode.OK);
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        using (manager)
        {
            await (await manager.GetAsync($"/api/guidelines/{guideline}/download")).ShouldBe(HttpStatusCode.OK);
            await (await manager.GetAsync($"/api/guidelines/{guideline}/download")).ShouldBe(HttpStatusCode.OK);
        }

        await app.Database.ExecuteAsync($"""
            UPDATE guideline_documents.downloads SET at = now() - interval '366 days'
            WHERE id = (SELECT id FROM guideline_documents.downloads WHERE guideline_id = '{guideline}' ORDER BY at LIMIT 1);
            UPDATE guideline_documents.downloads SET at = now() - interval '364 days'
            WHERE guideline_id = '{guideline}' AND at > now() - interval '1 day';
            """);

        // A second instance on the same database keeps house as it starts.
        using var second = app.AnotherHost();
        using var client = second.CreateClient();
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM guideline_documents.downloads WHERE guideline_id = @g", ("g", Guid.Parse(guideline))) == 1);
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM guideline_documents.downloads WHERE guideline_id = @g AND at < now() - interval '363 days'", ("g", Guid.Parse(guideline))));
    }

    public sealed class DefaultSettingsApp : LearningNetworkApp;
}
