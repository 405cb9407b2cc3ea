using System.Globalization;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The audit log for Admins: who changed what and when, sign-ins, role changes and exports.</summary>
public sealed class AuditModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ActorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // route binding reads before the query; it is not a number, so ?page=2 was never read.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntryView> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        // Days are the display zone's days; the API takes instants.
        var result = await Api.GetAuditLogAsync(new AuditQuery(Action, ActorId, EntityId, Instant(From), Instant(To?.AddDays(1)), PageNumber, PageSize));
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, string.Empty);
            return;
        }

        Entries = result.Result.Items;
        Total = result.Result.Total;
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public string Link(int page) => "/staff/audit" + UiQuery.Build(
        ("action", Action), ("actorId", ActorId?.ToString()), ("entityId", EntityId?.ToString()),
        ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("page", page.ToString(CultureInfo.InvariantCulture)));

    private static DateTimeOffset? Instant(DateOnly? day) => day is { } d
        ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), UiFormat.DisplayZone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue)))
        : null;
}
