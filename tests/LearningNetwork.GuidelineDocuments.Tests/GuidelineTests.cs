using System.Net;
using System.Net.Http.Headers;
using LearningNetwork.ApiClient;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Testing;

namespace LearningNetwork.GuidelineDocuments.Tests;

/// <summary>A host with a small upload limit, so the 413 can be seen without a 50 MB request.</summary>
public sealed class SmallUploadsApp : LearningNetworkApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Guidelines:MaxUploadBytes"] = "1048576" };
}

public sealed class GuidelineTests(SmallUploadsApp app) : IClassFixture<SmallUploadsApp>
{
    private static (string, string)[] Fields(string title, string language = "nl", string category = "Financiering") =>
        [("title", title), ("category", category), ("language", language), ("summary", "Regels voor projectsteun aan clusters")];

    private static Task<GuidelineView> UploadAsync(LearningNetworkApi staff, string title, byte[]? file = null, string fileName = "regels.pdf", string language = "nl") =>
        staff.UploadGuidelineAsync(Upload(file ?? Files.Pdf(), fileName), title, "Financiering", language, "Regels voor projectsteun aan clusters").Expect(HttpStatusCode.Created);

    private static FileUpload Upload(byte[] file, string fileName, string contentType = "application/pdf") => new(new MemoryStream(file), fileName, contentType);

    [Fact]
    public async Task A_PDF_upload_is_a_draft_with_its_size_and_SHA256()
    {
        var staff = await app.StaffApiAsync();
        var pdf = Files.Pdf(5000);

        var guideline = await UploadAsync(staff, "Subsidieregels 2027", pdf);

        Assert.Equal("Draft", guideline.Status);
        var version = Assert.Single(guideline.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(5000, version.SizeBytes);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)).ToLowerInvariant(), version.Sha256);
        Assert.Equal("application/pdf", version.ContentType);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("odt")]
    public async Task Office_documents_are_recognised_by_their_package(string kind)
    {
        var staff = await app.StaffApiAsync();
        var file = kind == "docx" ? Files.Docx() : Files.Odt();

        var guideline = await staff.UploadGuidelineAsync(Upload(file, "document.bin", "application/octet-stream"), "Sjabloon " + kind, "Financiering", "nl", null)
            .Expect(HttpStatusCode.Created);

        Assert.EndsWith("." + kind, guideline.Versions[0].FileName);
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("zip")]
    public async Task A_renamed_executable_or_another_zip_is_a_415(string kind)
    {
        using var staff = await app.StaffClientAsync();
        var file = kind == "exe" ? Files.Executable() : Files.PlainZip();

        var response = await staff.PostAsync("/api/guidelines", Files.Form(file, "regels.pdf", "application/pdf", Fields("Vals")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversized_upload_is_a_413()
    {
        using var staff = await app.StaffClientAsync();

        var response = await staff.PostAsync("/api/guidelines", Files.Form(Files.Pdf(3 * 1024 * 1024), "groot.pdf", fields: Fields("Te groot")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        using var staff = await app.StaffClientAsync();

        await (await staff.PostAsync("/api/guidelines", Files.Form(Files.Pdf(), "a.pdf", fields: [("category", "x"), ("language", "nl")]))).ShouldNameInvalidField("title");
        await (await staff.PostAsync("/api/guidelines", Files.Form(Files.Pdf(), "a.pdf", fields: [("title", "x"), ("category", "x"), ("language", "de")]))).ShouldNameInvalidField("language");
    }

    [Fact]
    public async Task Managers_see_published_guidelines_only_and_their_latest_published_version()
    {
        var staff = await app.StaffApiAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(await app.StaffClientAsync());
        var draft = await UploadAsync(staff, "Concept");
        var published = await UploadAsync(staff, "Gepubliceerd");
        await staff.PublishGuidelineAsync(published.Id).Expect(HttpStatusCode.OK);
        await staff.UploadGuidelineVersionAsync(published.Id, Upload(Files.Pdf(3000), "v2.pdf"), "Nieuwe drempels").Expect(HttpStatusCode.Created);

        await manager.Typed().GetGuidelineAsync(draft.Id).ExpectProblem(HttpStatusCode.NotFound);
        // The files are files: downloaded as they are.
        await (await manager.GetAsync($"/api/guidelines/{draft.Id}/download")).ShouldBe(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/guidelines/{published.Id}/versions/2/download")).ShouldBe(HttpStatusCode.NotFound);
        var seen = await manager.Typed().GetGuidelineAsync(published.Id).Expect(HttpStatusCode.OK);
        Assert.Equal([1], seen.Versions.Select(v => v.Number));
        await manager.Typed().UploadGuidelineAsync(Upload(Files.Pdf(), "a.pdf"), "x", "Financiering", "nl", null).ExpectProblem(HttpStatusCode.Forbidden);
        await manager.Typed().GetGuidelineDownloadsAsync(published.Id).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Downloads_stream_with_a_safe_name_an_ETag_ranges_and_304()
    {
        using var staff = await app.StaffClientAsync();
        var pdf = Files.Pdf(10_000);
        var guideline = await UploadAsync(staff.Typed(), "Namen", pdf, "../../Règles \"2027\"; subsidie.pdf");

        var full = await staff.GetAsync($"/api/guidelines/{guideline.Id}/download");
        await full.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(pdf, await full.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", full.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = full.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.DoesNotContain("/", disposition.FileNameStar ?? disposition.FileName);
        Assert.DoesNotContain("\"", (disposition.FileNameStar ?? "").Trim('"'));
        Assert.DoesNotContain("\n", full.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.EndsWith(".pdf", disposition.FileNameStar);
        Assert.Contains("è", disposition.FileNameStar);
        var etag = full.Headers.ETag!;

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/guidelines/{guideline.Id}/download");
        range.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await staff.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(pdf[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/10000", partial.Content.Headers.ContentRange!.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/guidelines/{guideline.Id}/download");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await staff.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task The_download_log_names_who_took_which_version_and_a_new_version_emails_them()
    {
        var staff = await app.StaffApiAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(await app.StaffClientAsync());
        var guideline = await UploadAsync(staff, "Steunmaatregelen", Files.Pdf(4096));
        await staff.PublishGuidelineAsync(guideline.Id).Expect(HttpStatusCode.OK);
        await (await manager.GetAsync($"/api/guidelines/{guideline.Id}/download")).ShouldBe(HttpStatusCode.OK);

        var entry = Assert.Single(await staff.GetGuidelineDownloadsAsync(guideline.Id).Expect(HttpStatusCode.OK));
        Assert.Equal(managerId, entry.ClusterManagerId);
        Assert.Equal(1, entry.Version);

        await staff.UploadGuidelineVersionAsync(guideline.Id, Upload(Files.Pdf(5000), "v2.pdf"), "Hogere drempel").Expect(HttpStatusCode.Created);
        await staff.PublishGuidelineAsync(guideline.Id).Expect(HttpStatusCode.OK);
        await staff.PublishGuidelineAsync(guideline.Id).ExpectProblem(HttpStatusCode.Conflict);

        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));
        var updated = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers["X-LearningNetwork-Kind"] == "GuidelineUpdated");
        Assert.Contains("Hogere drempel", updated.TextBody);
        var latest = await manager.GetAsync($"/api/guidelines/{guideline.Id}/download");
        Assert.Equal(5000, (await latest.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Search_finds_words_by_their_beginning_without_accents_and_filters_by_language()
    {
        var staff = await app.StaffApiAsync();
        var tag = new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        await UploadAsync(staff, $"Subsidieregels {tag}", language: "nl");
        await UploadAsync(staff, $"Règles de financement {tag}", language: "fr");

        var subsidie = await staff.GetGuidelinesAsync($"subsidie {tag}").Expect(HttpStatusCode.OK);
        var regles = await staff.GetGuidelinesAsync($"regles {tag}").Expect(HttpStatusCode.OK);
        var french = await staff.GetGuidelinesAsync(tag, "fr").Expect(HttpStatusCode.OK);

        Assert.Equal($"Subsidieregels {tag}", Assert.Single(subsidie.Items).Title);
        Assert.Equal(1, regles.Total);
        Assert.Equal(1, french.Total);
    }

    [Fact]
    public async Task Staff_attach_published_guidelines_to_a_session_as_materials()
    {
        var staff = await app.StaffApiAsync();
        var guideline = await UploadAsync(staff, "Materiaal");
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(9);
        var session = await staff.CreateSessionAsync(new SessionRequest(
            "Met materiaal", "Training", "Europe/Brussels", 5, Start: TestSessions.Local(start), End: TestSessions.Local(start.AddHours(2)))).Expect(HttpStatusCode.Created);

        await staff.SetMaterialsAsync(session.Id, [guideline.Id]).ShouldNameInvalidField("guidelineIds");
        await staff.PublishGuidelineAsync(guideline.Id).Expect(HttpStatusCode.OK);
        await staff.SetMaterialsAsync(session.Id, [guideline.Id]).Expect(HttpStatusCode.NoContent);
        await staff.SetMaterialsAsync(Guid.NewGuid(), []).ExpectProblem(HttpStatusCode.NotFound);

        var withMaterials = await staff.GetSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        Assert.Equal("Materiaal", Assert.Single(withMaterials.Materials).Title);
        // The session list shows its own copy of the materials, which follows shortly.
        var day = TestSessions.Local(start)[..10];
        async Task<SessionView> ListedAsync() =>
            (await staff.GetSessionsAsync(new SessionQuery(day, day)).Expect(HttpStatusCode.OK)).Items.Single(s => s.Id == session.Id);
        var listed = await Eventually.ValueAsync(ListedAsync, s => s.Materials.Count == 1);
        Assert.Equal(guideline.Id, Assert.Single(listed.Materials).GuidelineId);

        await staff.SetMaterialsAsync(session.Id, []).Expect(HttpStatusCode.NoContent);
        await Eventually.ValueAsync(ListedAsync, s => s.Materials.Count == 0);
    }
}
