using System.Globalization;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>
/// A recurring series, chosen in words ("every first Tuesday of the month, six times") that the
/// page turns into an RRULE; its dates are shown before saving, as the API will plan them.
/// </summary>
public sealed class NewSeriesModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public SeriesForm Form { get; set; } = new();

    /// <inheritdoc cref="NewSessionModel.LearningNetworkId"/>
    [BindProperty(SupportsGet = true)]
    public Guid? LearningNetworkId { get; set; }

    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    /// <summary>After "Show the dates": the sessions the series would get.</summary>
    public SeriesPreviewView? Preview { get; private set; }

    /// <summary>The RRULE built from the choices (shown beside the preview).</summary>
    public string? Rule { get; private set; }

    public async Task OnGetAsync() => Networks = await NetworkChoices.LoadAsync(Api);

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        ModelState.Clear();
        Rule = Form.BuildRule(ModelState, T);
        if (Rule is not null)
        {
            var result = await Api.PreviewSeriesAsync(new SeriesPreviewRequest(Form.TimeZone, Form.FirstStart ?? string.Empty, Form.DurationMinutes, Rule));
            if (result.Ok)
            {
                Preview = result.Result;
            }
            else
            {
                ShowRuleProblem(result.Problem!);
            }
        }

        Networks = await NetworkChoices.LoadAsync(Api);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        ModelState.Clear();
        Rule = Form.BuildRule(ModelState, T);
        if (Rule is not null)
        {
            var result = await Api.CreateSeriesAsync(new SeriesRequest(
                Form.Title ?? string.Empty, Form.Kind, Form.TimeZone, Form.FirstStart ?? string.Empty, Form.DurationMinutes, Rule, Form.Capacity,
                Description: string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description,
                Location: string.IsNullOrWhiteSpace(Form.Location) ? null : Form.Location,
                OnlineUrl: string.IsNullOrWhiteSpace(Form.OnlineUrl) ? null : Form.OnlineUrl,
                LearningNetworkId: LearningNetworkId,
                Translations: Form.Translations.ToRequest()));
            if (result.Ok)
            {
                return Done(T.Format("{0} draft sessions are planned. Publish the series from any of them.", result.Result.SessionIds.Count), $"/staff/sessions/{result.Result.SessionIds[0]}");
            }

            ShowRuleProblem(result.Problem!);
        }

        Networks = await NetworkChoices.LoadAsync(Api);
        return Page();
    }

    /// <summary>The API's word on the rule belongs to the picker (or to the own rule, when that was written).</summary>
    private void ShowRuleProblem(ApiProblem problem) =>
        ShowProblem(problem with
        {
            Errors = problem.Errors?.ToDictionary(
                e => e.Key == "recurrence" && Form.Pattern != "Own" ? "pattern" : e.Key,
                e => e.Value,
                StringComparer.Ordinal),
        });

    public sealed class SeriesForm
    {
        private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

        public string? Title { get; set; }

        public string? Description { get; set; }

        public SessionTranslationsForm Translations { get; set; } = new();

        public string Kind { get; set; } = "LearningNetworkMeeting";

        public string TimeZone { get; set; } = "Europe/Brussels";

        public string? FirstStart { get; set; }

        public int? DurationMinutes { get; set; } = 120;

        /// <summary>Weekly, MonthlyWeekday, MonthlyDate, or Own (the RRULE in <see cref="Recurrence"/>).</summary>
        public string Pattern { get; set; } = "MonthlyWeekday";

        /// <summary>Every how many weeks or months.</summary>
        public int? Interval { get; set; } = 1;

        /// <summary>For Weekly: the days (RFC 5545 codes, MO to SU); none means the first meeting's weekday.</summary>
        public List<string> Weekdays { get; set; } = [];

        /// <summary>For MonthlyWeekday: 1 to 4, or -1 for the last.</summary>
        public string Ordinal { get; set; } = "1";

        /// <summary>For MonthlyWeekday: the day (MO to SU).</summary>
        public string Weekday { get; set; } = "TU";

        /// <summary>Count (after <see cref="Count"/> meetings) or Until (the last possible date).</summary>
        public string Ends { get; set; } = "Count";

        public int? Count { get; set; } = 6;

        public string? Until { get; set; }

        public string? Recurrence { get; set; } = "FREQ=MONTHLY;BYDAY=1TU;COUNT=6";

        public int? Capacity { get; set; } = 20;

        public string? Location { get; set; }

        public string? OnlineUrl { get; set; }

        /// <summary>
        /// The RRULE for the choices, or null with the reasons in <paramref name="modelState"/>.
        /// Only the choices are checked here; the rule itself is the API's to judge.
        /// </summary>
        public string? BuildRule(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, UiText t)
        {
            if (Pattern == "Own")
            {
                return Recurrence?.Trim() ?? string.Empty;
            }

            var parts = new List<string>
            {
                Pattern == "Weekly" ? "FREQ=WEEKLY" : "FREQ=MONTHLY",
            };
            if (Interval is not (>= 1 and <= 12))
            {
                modelState.AddModelError("Form.Interval", t["Choose a number from 1 to 12."]);
            }
            else if (Interval > 1)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"INTERVAL={Interval}"));
            }

            if (Pattern == "Weekly" && Weekdays.Count > 0)
            {
                parts.Add("BYDAY=" + string.Join(',', DayCodes.Where(Weekdays.Contains)));
            }
            else if (Pattern == "MonthlyWeekday")
            {
                parts.Add($"BYDAY={(Ordinal is "1" or "2" or "3" or "4" or "-1" ? Ordinal : "1")}{(DayCodes.Contains(Weekday) ? Weekday : "TU")}");
            }

            if (Ends == "Until")
            {
                if (!DateOnly.TryParseExact(Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
                {
                    modelState.AddModelError("Form.Until", t["Give the last possible date."]);
                }
                else
                {
                    // The whole last day counts: a meeting at any hour of it is in the series.
                    parts.Add("UNTIL=" + until.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T235959Z");
                }
            }
            else if (Count is not (>= 1 and <= 52))
            {
                modelState.AddModelError("Form.Count", t["Choose a number of meetings from 1 to 52."]);
            }
            else
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"COUNT={Count}"));
            }

            return modelState.IsValid ? string.Join(';', parts) : null;
        }
    }
}
