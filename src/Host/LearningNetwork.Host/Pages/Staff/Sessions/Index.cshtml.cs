using System.Globalization;
using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>All sessions for staff, as a filtered list or a month calendar.</summary>
public sealed class StaffSessionsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    private const int PageSize = 50;

    /// <summary>"list" or "calendar". Nullable: an address without <c>view</c> is the list, not a missing required field.</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; } = "list";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Words of the title to look for (any case).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>Today in the agency's zone, marked in the calendar.</summary>
    public DateTime Today { get; private set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which
    // route binding reads before the query; it is not a number, so ?page=2 was never read.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "month")]
    public string? MonthText { get; set; }

    public DateTime Month { get; private set; }

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IEnumerable<string> DayNames => Enumerable.Range(0, 7).Select(i => CultureInfo.CurrentCulture.DateTimeFormat.AbbreviatedDayNames[(i + 1) % 7]);

    /// <summary>Monday to Sunday weeks covering the month.</summary>
    public IEnumerable<DateTime> CalendarDays
    {
        get
        {
            var first = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
            var last = Month.AddMonths(1).AddDays(-1);
            for (var day = first; day <= last || ((int)day.DayOfWeek + 6) % 7 != 0; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    public async Task OnGetAsync()
    {
        View = View == "calendar" ? "calendar" : "list";
        Today = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UiFormat.DisplayZone).Date, DateTimeKind.Unspecified);
        Month = DateTime.TryParseExact(MonthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : Today.AddDays(1 - Today.Day);
        PageNumber = Math.Max(1, PageNumber);

        // The calendar asks for its month (a day either side for other zones); the list for the filters and page.
        var query = View == "calendar"
            ? new SessionQuery(Month.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Month.AddMonths(1).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Status, Kind, Search)
            : new SessionQuery(From, To, Status, Kind, Search, PageNumber, PageSize);
        var result = await Api.GetSessionsAsync(query);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, string.Empty);
            return;
        }

        Sessions = result.Result.Items;
        PageCount = Math.Max(1, (result.Result.Total + PageSize - 1) / PageSize);
    }

    public string Link(string? view = null, int? page = null, DateTime? month = null) =>
        "/staff/sessions" + UiQuery.Build(("view", view ?? View), ("from", From), ("to", To), ("status", Status), ("kind", Kind), ("search", Search),
            ("page", page?.ToString(CultureInfo.InvariantCulture)), ("month", (month ?? (View == "calendar" ? Month : null))?.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
}
