using System.Globalization;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The send log with filters: what went out, what waits, what failed and why.</summary>
public sealed class EmailsModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SessionId { get; set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // route binding reads before the query; it is not a number, so ?page=2 was never read.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<EmailView> Emails { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    /// <summary>The send log counted only so far: there are more emails than <see cref="Total"/>, and more pages.</summary>
    public bool MoreThanTotal { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var result = await Api.GetEmailsAsync(new EmailQuery(Recipient, Kind, Status, SessionId, PageNumber, PageSize));
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, string.Empty);
            return;
        }

        Emails = result.Result.Items;
        Total = result.Result.Total;
        MoreThanTotal = result.Result.TotalIsLowerBound;
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>A failed email goes out again (once whatever stopped it is fixed); back to the same filtered page.</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid emailId)
    {
        var result = await Api.ResendEmailAsync(emailId);
        return result.Ok ? Done(T["The email is due again and goes out within moments."], Link(PageNumber)) : Refused(result.Problem!, Link(PageNumber));
    }

    public string Link(int page) => "/staff/emails" + Query(page);

    private string Query(int page) => UiQuery.Build(
        ("recipient", Recipient), ("kind", Kind), ("status", Status), ("sessionId", SessionId?.ToString()), ("page", page.ToString(CultureInfo.InvariantCulture)));
}
