using System.Net;
using System.Net.Http.Headers;
using LearningNetwork.Testing;

namespace LearningNetwork.GuidelineDocuments.Tests;

/// <summary>A download fetched in pieces (Range requests, as PDF viewers and resuming browsers do) is one download in the log.</summary>
public sealed class RangeDownloadLogTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_download_in_ranges_is_logged_once_and_a_new_download_again()
    {
        using var staff = await app.StaffClientAsync();
        var guideline = (await (await staff.PostAsync("/api/guidelines", Files.Form(Files.Pdf(10_000), "regels.pdf",
            fields: [("title", "In stukken"), ("category", "Financiering"), ("language", "nl")]))).Json(HttpStatusCode.Created)).Id();
        await (await staff.PostAsync($"/api/guidelines/{guideline}/publish", null)).ShouldBe(HttpStatusCode.OK);
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        using (manager)
        {
            foreach (var (from, to) in new List<(long, long?)> { (0, 3999), (4000, 7999), (8000, null) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/guidelines/{guideline}/download");
                request.Headers.Range = new RangeHeaderValue(from, to);
                await (await manager.SendAsync(request)).ShouldBe(HttpStatusCode.PartialContent);
            }

            Assert.Equal(1, await CountAsync(guideline));
            await (await manager.GetAsync($"/api/guidelines/{guideline}/download")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal(2, await CountAsync(guideline));
        }
    }

    private Task<long> CountAsync(string guideline) =>
        app.Database.ScalarAsync<long>("SELECT count(*) FROM guideline_documents.downloads WHERE guideline_id = @g", ("g", Guid.Parse(guideline)));
}
