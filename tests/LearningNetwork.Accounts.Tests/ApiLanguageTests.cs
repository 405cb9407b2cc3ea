using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>
/// The API answers validation and rule messages in the caller's language: the language chosen in
/// the web UI, else the signed-in person's preferred language, else Accept-Language, else English.
/// </summary>
public sealed class ApiLanguageTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Theory]
    [InlineData("nl-BE,nl;q=0.9,en;q=0.5", "nl", "Deze link is niet geldig")]
    [InlineData("fr-BE", "fr", "Ce lien n'est pas valide")]
    [InlineData("de-DE,fr;q=0.5", "fr", "Ce lien n'est pas valide")]
    [InlineData("de-DE", "en", "This link is not valid")]
    [InlineData(null, "en", "This link is not valid")]
    public async Task A_refused_activation_link_is_explained_in_the_language_the_browser_asks_for(string? acceptLanguage, string language, string start)
    {
        using var anonymous = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/activate") { Content = JsonContent.Create(new { token = "no-such-token", password = "Long-Enough-Password-1" }) };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await anonymous.SendAsync(request);

        Assert.StartsWith(start, await response.ShouldNameInvalidField("token"), StringComparison.Ordinal);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task A_signed_in_person_is_answered_in_their_preferred_language_whatever_the_browser_says()
    {
        var email = $"fr-{Guid.NewGuid():N}@cluster.example";
        await app.CreateClusterManagerAsync(email, language: "fr");
        using var manager = await app.SignedInClientAsync(email, TestAccounts.Password);
        manager.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "nl-BE");

        var wrong = await manager.PostAsJsonAsync("/api/me/password", new { currentPassword = "not-it-at-all", newPassword = "Another-Password-456" });
        Assert.Equal("Ce n'est pas votre mot de passe actuel.", await wrong.ShouldNameInvalidField("currentPassword"));
        Assert.Equal("fr", wrong.Content.Headers.ContentLanguage.Single());

        // ASP.NET Identity's password rules too, sentence by sentence.
        var weak = await manager.PostAsJsonAsync("/api/me/password", new { currentPassword = TestAccounts.Password, newPassword = "short" });
        var message = await weak.ShouldNameInvalidField("newPassword");
        Assert.DoesNotContain("Passwords must", message, StringComparison.Ordinal);
        Assert.Contains("Un mot de passe", message, StringComparison.Ordinal);

        // The web UI's language choice (its cookie) wins: the page and its messages speak one language.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/password") { Content = JsonContent.Create(new { currentPassword = "not-it-at-all", newPassword = "Another-Password-456" }) };
        request.Headers.TryAddWithoutValidation("Cookie", "ln_lang=nl");
        Assert.Equal("Dit is niet uw huidige wachtwoord.", await (await manager.SendAsync(request)).ShouldNameInvalidField("currentPassword"));
    }

    [Theory]
    [InlineData("nl", "Het einde moet na het begin liggen.", "De titel is verplicht.", "Sessie '{0}' is niet gevonden.", "Een of meer velden zijn ongeldig.")]
    [InlineData("fr", "La fin doit être postérieure au début.", "Le titre est obligatoire.", "Session '{0}' est introuvable.", "Un ou plusieurs champs ne sont pas valides.")]
    [InlineData("en", "The end must be after the start.", "The title is required.", "Session '{0}' was not found.", "One or more fields are invalid.")]
    public async Task Validation_rule_and_not_found_messages_come_in_each_language(string language, string endBeforeStart, string titleRequired, string notFound, string title)
    {
        using var staff = await app.StaffClientAsync();
        staff.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", $"ln_lang={language}");
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(10);
        var local = (DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var invalid = await staff.PostAsJsonAsync("/api/sessions", new { title = "", kind = "Training", start = local(start), end = local(start.AddHours(2)), timeZone = "Europe/Brussels", capacity = 5 });
        var problem = await invalid.Json(HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(titleRequired, problem.GetProperty("errors").GetProperty("title").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(language, invalid.Content.Headers.ContentLanguage.Single());

        var backwards = await staff.PostAsJsonAsync("/api/sessions", new { title = "Workshop", kind = "Training", start = local(start), end = local(start.AddHours(-1)), timeZone = "Europe/Brussels", capacity = 5 });
        var errors = (await backwards.Json(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains(endBeforeStart, errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray()).Select(e => e.GetString()));

        var id = Guid.NewGuid();
        var missing = await (await staff.GetAsync($"/api/sessions/{id}")).Json(HttpStatusCode.NotFound);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, notFound, id), missing.GetProperty("detail").GetString());

        // FluentValidation's own messages follow too.
        var paging = await (await staff.GetAsync("/api/cluster-managers?pageSize=0")).Json(HttpStatusCode.BadRequest);
        var pageSize = paging.GetProperty("errors").GetProperty("pageSize")[0].GetString()!;
        Assert.Equal(language == "en", pageSize.Contains("must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "Onbekende cluster 'Nergens'.")]
    [InlineData("fr", "Cluster inconnu 'Nergens'.")]
    [InlineData("en", "Unknown cluster 'Nergens'.")]
    public async Task The_CSV_imports_line_errors_come_in_the_callers_language(string language, string unknownCluster)
    {
        using var staff = await app.StaffClientAsync();
        staff.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", $"ln_lang={language}");
        var response = await staff.PostAsync("/api/cluster-managers/import?dryRun=true",
            new StringContent("cluster,fullName,email,preferredLanguage\nNergens,Els Peeters,els@example.be,nl\n", System.Text.Encoding.UTF8, "text/csv"));
        var result = await response.Json(HttpStatusCode.OK);
        Assert.Contains(unknownCluster, result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }
}
