using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>A new session starts as a draft only staff see; publishing opens it.</summary>
public sealed class NewSessionModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    /// <summary>The learning network this is a meeting of (chosen here, or arriving from the network's page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? LearningNetworkId { get; set; }

    /// <summary>The session this new one copies ("Duplicate" on a session's page): every field prefilled from it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CopyOf { get; set; }

    /// <summary>The session copied, when there is one.</summary>
    public SessionView? Original { get; private set; }

    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (CopyOf is { } copyOf)
        {
            var original = await Api.GetSessionAsync(copyOf);
            if (!original.Ok)
            {
                return NotFoundOr(original.Problem!);
            }

            // A copy is a new draft: the same details, network and reminders; staff change what differs (the date, mostly).
            Original = original.Result;
            Form = SessionForm.From(Original);
            LearningNetworkId = Original.LearningNetworkId;
        }
        else if (LearningNetworkId is not null)
        {
            Form.Kind = "LearningNetworkMeeting";
        }

        Networks = await NetworkChoices.LoadAsync(Api);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear(); // the API is the judge of the values; binding only shapes them
        if (Form.ToCreateRequest(ModelState) is not { } request)
        {
            Networks = await NetworkChoices.LoadAsync(Api);
            return Page();
        }

        var result = await Api.CreateSessionAsync(request with { LearningNetworkId = LearningNetworkId });
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            Networks = await NetworkChoices.LoadAsync(Api);
            return Page();
        }

        return Done(T["The session is saved as a draft. Publish it to open enrollment."], $"/staff/sessions/{result.Result.Id}");
    }
}
