using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>A manager's own choices: the language of their emails and pages, and announcements of new sessions.</summary>
public sealed class PreferencesModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public string PreferredLanguage { get; set; } = "nl";

    [BindProperty]
    public bool Announcements { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var preferences = await Api.GetPreferencesAsync();
        if (!preferences.Ok)
        {
            return NotFoundOr(preferences.Problem!);
        }

        (PreferredLanguage, Announcements) = (preferences.Result.PreferredLanguage, preferences.Result.Announcements);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.SavePreferencesAsync(PreferredLanguage, Announcements);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, prefix: string.Empty);
            return Page();
        }

        // The pages follow the new language at once (the sign-in remembers the old one until the next).
        UiCulture.Remember(Response, result.Result.PreferredLanguage);
        // The confirmation in the language just chosen: the next page is shown in it.
        return Done(T.In(result.Result.PreferredLanguage, "Your preferences are saved."), "/account/preferences");
    }
}
