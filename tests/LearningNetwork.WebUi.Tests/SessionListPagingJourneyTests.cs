using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>The staff's session list comes in pages of 50, with the page number in the address.</summary>
[Collection(BrowserCollections.D)]
public sealed class SessionListPagingJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Fact]
    public async Task Staff_page_through_the_session_list_by_the_page_number_in_the_address()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var api = await app.StaffApiAsync();
        for (var i = 0; i < 51; i++)
        {
            await SessionThroughApiAsync(api, $"Paged {i:00} {tag}", daysAhead: 20 + i, publish: false);
        }

        var staff = await StaffInAsync("en");
        await staff.GotoAsync($"/staff/sessions?search={tag}");
        await Expect(staff.Locator("tbody tr")).ToHaveCountAsync(50);
        await Expect(staff.Locator("nav.pager")).ToContainTextAsync("Page 1 of 2");

        await staff.Locator("nav.pager").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Next") }).ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]page=2(&|$)"));
        await Expect(staff.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(staff.Locator("tbody tr")).ToContainTextAsync($"Paged 50 {tag}");
        await Expect(staff.Locator("nav.pager")).ToContainTextAsync("Page 2 of 2");
    }
}
