using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

public sealed class NewSeriesModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public SeriesForm Form { get; set; } = new();

    /// <inheritdoc cref="NewSessionModel.LearningNetworkId"/>
    [BindProperty(SupportsGet = true)]
    public Guid? LearningNetworkId { get; set; }

    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    public async Task OnGetAsync() => Networks = await NetworkChoices.LoadAsync(Api);

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.PostAsync<SeriesCreated>("/api/series", new
        {
            title = Form.Title ?? string.Empty,
            description = string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description,
            translations = Form.Translations.ToRequest(),
            kind = Form.Kind,
            timeZone = Form.TimeZone,
            firstStart = Form.FirstStart ?? string.Empty,
            durationMinutes = Form.DurationMinutes,
            recurrence = Form.Recurrence ?? string.Empty,
            capacity = Form.Capacity,
            location = string.IsNullOrWhiteSpace(Form.Location) ? null : Form.Location,
            onlineUrl = string.IsNullOrWhiteSpace(Form.OnlineUrl) ? null : Form.OnlineUrl,
            learningNetworkId = LearningNetworkId,
        });
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            Networks = await NetworkChoices.LoadAsync(Api);
            return Page();
        }

        return Done(T.Format("{0} draft sessions are planned. Publish the series from any of them.", result.Result.SessionIds.Count), $"/staff/sessions/{result.Result.SessionIds[0]}");
    }

    public sealed class SeriesForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public SessionTranslationsForm Translations { get; set; } = new();

        public string Kind { get; set; } = "LearningNetworkMeeting";

        public string TimeZone { get; set; } = "Europe/Brussels";

        public string? FirstStart { get; set; }

        public int? DurationMinutes { get; set; } = 120;

        public string? Recurrence { get; set; } = "FREQ=MONTHLY;BYDAY=1TU;COUNT=6";

        public int? Capacity { get; set; } = 20;

        public string? Location { get; set; }

        public string? OnlineUrl { get; set; }
    }
}
