using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>The manager's own enrollments and their personal calendar feed.</summary>
public sealed class MySessionsModel(Api api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    public IReadOnlyList<MyEnrollment> Enrollments { get; private set; } = [];

    public CalendarFeed? Feed { get; private set; }

    /// <summary>Now, from the host's clock: upcoming enrollments can still be cancelled.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One certificate of attendance per session the manager was marked Attended at.</summary>
    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    /// <summary>webcal:// makes calendar apps offer to subscribe instead of downloading once.</summary>
    public string WebcalUrl => Feed is null ? string.Empty : "webcal://" + Feed.Url[(Feed.Url.IndexOf("://", StringComparison.Ordinal) + 3)..];

    public async Task OnGetAsync()
    {
        Enrollments = (await Api.GetAsync<Paged<MyEnrollment>>("/api/me/enrollments?pageSize=200")).Result.Items;
        Feed = (await Api.GetAsync<CalendarFeed>("/api/me/calendar-feed")).Value;
        Certificates = (await Api.GetAsync<List<CertificateView>>("/api/me/certificates")).Value ?? [];
    }

    public async Task<IActionResult> OnPostRotateAsync()
    {
        var result = await Api.PostAsync<CalendarFeed>("/api/me/calendar-feed/rotate");
        return result.Ok ? Done(T["A new feed address is made; the old one no longer works."], "/my-sessions") : Refused(result.Problem!, "/my-sessions");
    }
}
