using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// A refused form says everything that is wrong at once, at the top, in the page's language, with
/// the focus there and links to the fields; the fields say they are invalid.
/// </summary>
[Collection(BrowserCollections.B)]
public sealed class FormErrorJourneyTests(BrowserApp app) : BrowserJourney
{
    protected override BrowserApp App => app;

    [Theory]
    [InlineData("nl", "De titel is verplicht.", "Het begin is verplicht.", "Er zijn")]
    [InlineData("fr", "Le titre est obligatoire.", "Le début est obligatoire.", "Il y a")]
    [InlineData("en", "The title is required.", "The start is required.", "There are")]
    public async Task A_refused_form_sums_up_all_its_errors_at_the_top_in_the_pages_language(string language, string titleRequired, string startRequired, string heading)
    {
        var staff = await StaffInAsync(language);
        await staff.GotoAsync("/staff/sessions/new");
        await staff.Locator("main form button[type=submit]").First.ClickAsync();

        var summary = staff.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToContainTextAsync(heading);
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = titleRequired })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = startRequired })).ToBeVisibleAsync();
        await Expect(staff.Locator("#Form_Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(staff.Locator("#Form_Start")).ToHaveAttributeAsync("aria-invalid", "true");
        // The summary is in sight without scrolling.
        var box = await summary.BoundingBoxAsync();
        Assert.True(box!.Y < 900, $"The summary starts at {box.Y} px.");
        await staff.AuditAsync($"form-errors-{language}");

        await summary.GetByRole(AriaRole.Link, new() { Name = titleRequired }).ClickAsync();
        await Expect(staff.Locator("#Form_Title")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_refused_cluster_lower_on_the_page_is_summed_up_at_the_top()
    {
        var staff = await StaffInAsync("nl");
        await staff.GotoAsync("/staff/clusters");
        await staff.Locator("#Form_Name").FillAsync("");
        await staff.Locator("#Form_Name").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        var summary = staff.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("De naam is verplicht.");
        await Expect(staff.Locator("#Form_Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await staff.AuditAsync("form-errors-cluster-nl");
    }
}
