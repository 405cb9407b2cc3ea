using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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

    private static async Task<JsonElement> UploadAsync(HttpClient staff, string title, byte[]? file = null, string fileName = "regels.pdf", string language = "nl") =>
        await (await staff.PostAsync("/api/guidelines", Files.Form(file ?? Files.Pdf(), fileName, fields: Fields(title, language)))).Json(HttpStatusCode.Created);

    [Fact]
    public async Task A_PDF_upload_is_a_draft_with_its_size_and_SHA256()
    {
        using var staff = await app.StaffClientAsync();
        var pdf = Files.Pdf(5000);

        var guideline = await UploadAsync(staff, "Subsidieregels 2027", pdf);

        Assert.Equal("Draft", guideline.GetProperty("status").GetString());
        var version = guideline.GetProperty("versions")[0];
        Assert.Equal(1, version.GetProperty("number").GetInt32());
        Assert.Equal(5000, version.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)).ToLowerInvariant(), version.GetProperty("sha256").GetString());
        Assert.Equal("application/pdf", version.GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("odt")]
    public async Task Office_documents_are_recognised_by_their_package(string kind)
    {
        using var staff = await app.StaffClientAsync();
        var file = kind == "docx" ? Files.Docx() : Files.Odt();

        var guideline = await (await staff.PostAsync("/api/guidelines", Files.Form(file, "document.bin", "application/octet-stream", Fields("Sjabloon " + kind)))).Json(HttpStatusCode.Created);

        Assert.EndsWith("." + kind, guideline.GetProperty("versions")[0].GetProperty("fileName").GetString());
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
        using var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var draft = await UploadAsync(staff, "Concept");
        var published = await UploadAsync(staff, "Gepubliceerd");
        await (await staff.PostAsync($"/api/guidelines/{published.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/guidelines/{published.Id()}/versions", Files.Form(Files.Pdf(3000), "v2.pdf", fields: [("changeNote", "Nieuwe drempels")]))).ShouldBe(HttpStatusCode.Created);

        await (await manager.GetAsync($"/api/guidelines/{draft.Id()}")).ShouldBe(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/guidelines/{draft.Id()}/download")).ShouldBe(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/guidelines/{published.Id()}/versions/2/download")).ShouldBe(HttpStatusCode.NotFound);
        var seen = await manager.GetFromJsonAsync<JsonElement>($"/api/guidelines/{published.Id()}");
        Assert.Equal([1], seen.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        await (await manager.PostAsync("/api/guidelines", Files.Form(Files.Pdf(), "a.pdf", fields: Fields("x")))).ShouldBe(HttpStatusCode.Forbidden);
        await (await manager.GetAsync($"/api/guidelines/{published.Id()}/downloads")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Downloads_stream_with_a_safe_name_an_ETag_ranges_and_304()
    {
        using var staff = await app.StaffClientAsync();
        var pdf = Files.Pdf(10_000);
        var guideline = await (await staff.PostAsync("/api/guidelines", Files.Form(pdf, "../../Règles \"2027\"; subsidie.pdf", fields: Fields("Namen")))).Json(HttpStatusCode.Created);

        var full = await staff.GetAsync($"/api/guidelines/{guideline.Id()}/download");
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

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/guidelines/{guideline.Id()}/download");
        range.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await staff.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(pdf[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/10000", partial.Content.Headers.ContentRange!.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/guidelines/{guideline.Id()}/download");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await staff.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task The_download_log_names_who_took_which_version_and_a_new_version_emails_them()
    {
        using var staff = await app.StaffClientAsync();
        var (managerId, manager) = await app.SignedInDirectoryManagerAsync(staff);
        var guideline = await UploadAsync(staff, "Steunmaatregelen", Files.Pdf(4096));
        await (await staff.PostAsync($"/api/guidelines/{guideline.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        await (await manager.GetAsync($"/api/guidelines/{guideline.Id()}/download")).ShouldBe(HttpStatusCode.OK);

        var log = await staff.GetFromJsonAsync<JsonElement>($"/api/guidelines/{guideline.Id()}/downloads");
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(managerId.ToString(), entry.GetProperty("clusterManagerId").GetString());
        Assert.Equal(1, entry.GetProperty("version").GetInt32());

        await (await staff.PostAsync($"/api/guidelines/{guideline.Id()}/versions", Files.Form(Files.Pdf(5000), "v2.pdf", fields: [("changeNote", "Hogere drempel")]))).ShouldBe(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/guidelines/{guideline.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/guidelines/{guideline.Id()}/publish", null)).ShouldBe(HttpStatusCode.Conflict);

        var email = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));
        var updated = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Headers["X-LearningNetwork-Kind"] == "GuidelineUpdated");
        Assert.Contains("Hogere drempel", updated.TextBody);
        var latest = await manager.GetAsync($"/api/guidelines/{guideline.Id()}/download");
        Assert.Equal(5000, (await latest.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Search_finds_words_by_their_beginning_without_accents_and_filters_by_language()
    {
        using var staff = await app.StaffClientAsync();
        var tag = new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        await UploadAsync(staff, $"Subsidieregels {tag}", language: "nl");
        await UploadAsync(staff, $"Règles de financement {tag}", language: "fr");

        var subsidie = await staff.GetFromJsonAsync<JsonElement>($"/api/guidelines?search=subsidie%20{tag}");
        var regles = await staff.GetFromJsonAsync<JsonElement>($"/api/guidelines?search=regles%20{tag}");
        var french = await staff.GetFromJsonAsync<JsonElement>($"/api/guidelines?search={tag}&language=fr");

        Assert.Equal($"Subsidieregels {tag}", Assert.Single(subsidie.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(1, regles.GetProperty("total").GetInt32());
        Assert.Equal(1, french.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Staff_attach_published_guidelines_to_a_session_as_materials()
    {
        using var staff = await app.StaffClientAsync();
        var guideline = await UploadAsync(staff, "Materiaal");
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(9).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTime.UtcNow.Date.AddDays(10).AddHours(11).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var session = await (await staff.PostAsJsonAsync("/api/sessions", new { title = "Met materiaal", kind = "Training", start, end, timeZone = "Europe/Brussels", capacity = 5 })).Json(HttpStatusCode.Created);

        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}/materials", new { guidelineIds = new[] { guideline.Id() } })).ShouldNameInvalidField("guidelineIds");
        await (await staff.PostAsync($"/api/guidelines/{guideline.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}/materials", new { guidelineIds = new[] { guideline.Id() } })).ShouldBe(HttpStatusCode.NoContent);
        await (await staff.PutAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/materials", new { guidelineIds = Array.Empty<string>() })).ShouldBe(HttpStatusCode.NotFound);

        var withMaterials = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}");
        Assert.Equal("Materiaal", Assert.Single(withMaterials.GetProperty("materials").EnumerateArray()).GetProperty("title").GetString());
        // The session list shows its own copy of the materials, which follows shortly.
        var listed = await Eventually.ValueAsync(
            async () => ListedSession(await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?from={start[..10]}&to={start[..10]}"), session.Id()),
            s => s.GetProperty("materials").GetArrayLength() == 1);
        Assert.Equal(guideline.Id(), Assert.Single(listed.GetProperty("materials").EnumerateArray()).GetProperty("guidelineId").GetString());

        await (await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}/materials", new { guidelineIds = Array.Empty<string>() })).ShouldBe(HttpStatusCode.NoContent);
        await Eventually.ValueAsync(
            async () => ListedSession(await staff.GetFromJsonAsync<JsonElement>($"/api/sessions?from={start[..10]}&to={start[..10]}"), session.Id()),
            s => s.GetProperty("materials").GetArrayLength() == 0);
    }

    private static JsonElement ListedSession(JsonElement page, string id) =>
        page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
}
