using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>
/// What the pages of one session share (its summary, edit, reschedule, cancel, participants):
/// the session read from the API, a 404 page for an unknown one, and the summary's address.
/// </summary>
public abstract class SessionPageModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SessionView? Session { get; private set; }

    /// <summary>The session's summary page.</summary>
    protected string Summary => $"/staff/sessions/{Id}";

    /// <summary>Reads the session; the result to return instead of the page when it cannot be shown.</summary>
    protected async Task<IActionResult?> LoadSessionAsync()
    {
        var session = await Api.GetSessionAsync(Id);
        if (!session.Ok)
        {
            return NotFoundOr(session.Problem!);
        }

        Session = session.Result;
        return null;
    }
}

/// <summary>What the session's heading and its navigation need: the session and which of its pages is shown.</summary>
public sealed record SessionHeaderView(SessionView Session, string Current);
