using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.BuildingBlocks.Localization;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// The staff's session list sends its use case in process, not over HTTP: it still obeys exactly
/// the API's rules, so a filter the API refuses is refused on the page with the API's own words.
/// </summary>
public sealed partial class JourneyTests
{
    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    public async Task A_filter_the_API_refuses_is_refused_on_the_staff_session_list_with_the_APIs_own_messages_in_the_page_language(string language)
    {
        const string filters = "from=31-12-2027&kind=Workshop";
        using var api = await app.StaffClientAsync();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var answer = await api.GetAsync($"/api/sessions?{filters}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = (await answer.Content.ReadFromJsonAsync<ApiProblem>(LearningNetworkApi.Json))!;
        Assert.Equal(["from", "kind"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        // What the API answers a caller who reads this language: its own message, translated.
        var expected = problem.Errors.ToDictionary(e => e.Key, e => Messages.Translate(e.Value.Single(), language));
        Assert.All(expected, e => Assert.NotEqual(problem.Errors[e.Key].Single(), e.Value));

        var staff = await StaffInAsync(language);
        await staff.GotoAsync("/staff/sessions?search=nothing-wrong");
        await Expect(staff.Locator("#error-summary")).ToHaveCountAsync(0);
        await staff.GotoAsync($"/staff/sessions?{filters}");

        var summary = staff.Locator("#error-summary");
        await Expect(summary.Locator("li")).ToHaveCountAsync(2);
        await Expect(summary.Locator("a[href='#from']")).ToHaveTextAsync(expected["from"]);
        await Expect(summary.Locator("a[href='#kind']")).ToHaveTextAsync(expected["kind"]);
    }
}
