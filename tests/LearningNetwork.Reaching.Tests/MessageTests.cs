using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;
using static LearningNetwork.Reaching.Tests.Reaching;

namespace LearningNetwork.Reaching.Tests;

/// <summary>Staff write to a session's participants: the chosen group only, their text as they typed it, in the send log.</summary>
public sealed class MessageTests(ReachingApp app) : IClassFixture<ReachingApp>
{
    public sealed record Message(string Subject, string Body, string To);

    public sealed record Queued(int Recipients);

    [Fact]
    public async Task A_message_reaches_exactly_the_chosen_group_with_its_text_escaped_and_its_line_breaks_kept()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 2, language: "fr");
        var (confirmed, waiting) = (managers[0], managers[1]);
        var cancelled = (await app.CreateManagersAsync(staff, 1, language: "nl"))[0];
        var session = await staff.ScheduleAndPublishAsync(Draft($"Parkeren {Guid.NewGuid():N}",
            new Dictionary<string, Text> { ["fr"] = new("Le parking") }, capacity: 1));
        await staff.EnrollAsync(session.Id, confirmed);
        var gone = await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/enrollments", new { clusterManagerId = cancelled })).Json(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/enrollments/{gone.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        await staff.EnrollAsync(session.Id, waiting);
        var body = "Line one <b>bold</b> & \"more\"\nLine two\n\nAfter a blank line";

        var queued = await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("Where to park <today>", body, "Waitlisted")))
            .Typed<Queued>(HttpStatusCode.Accepted);

        Assert.Equal(1, queued.Recipients);
        var email = await app.Smtp.WaitForAsync(await app.EmailOfAsync(waiting), "SessionMessage");
        Assert.Equal("Where to park <today>", email.Subject);
        Assert.Equal(session.Id.ToString(), email.Headers["X-LearningNetwork-Session"]);
        Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
        Assert.Contains(body, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Line one &lt;b&gt;bold&lt;/b&gt; &amp; &quot;more&quot;<br>Line two<br><br>After a blank line", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.Ordinal);
        // The wrapper is the recipient's language, the session's title too.
        Assert.Contains("Ce message concerne Le parking", email.TextBody, StringComparison.Ordinal);

        var toConfirmed = await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("Parking", "Use the back entrance.", "Confirmed")))
            .Typed<Queued>(HttpStatusCode.Accepted);
        Assert.Equal(1, toConfirmed.Recipients);
        await app.Smtp.WaitForAsync(await app.EmailOfAsync(confirmed), "SessionMessage");
        var toAll = await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("Coffee", "There is coffee.", "All")))
            .Typed<Queued>(HttpStatusCode.Accepted);
        Assert.Equal(2, toAll.Recipients);

        // In the session's send log: 1 + 1 + 2, none to the person who cancelled.
        await Eventually.TrueAsync(async () => (await staff.EmailsAsync(session.Id, "SessionMessage")).Count(e => e.Status == "Sent") == 4);
        Assert.Empty(app.Smtp.Of(await app.EmailOfAsync(cancelled), "SessionMessage"));
        Assert.Single(app.Smtp.Of(await app.EmailOfAsync(confirmed), "SessionMessage"), m => m.Subject == "Coffee");
        Assert.Equal(2, app.Smtp.Of(await app.EmailOfAsync(waiting), "SessionMessage").Count);
    }

    [Fact]
    public async Task A_message_without_subject_body_or_known_group_is_refused_and_an_unknown_session_is_a_404()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.ScheduleAndPublishAsync(Draft("Berichten"));

        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("", "x", "All"))).ShouldNameInvalidField("subject");
        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("x", " ", "All"))).ShouldNameInvalidField("body");
        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("two\nlines", "x", "All"))).ShouldNameInvalidField("subject");
        await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("x", "x", "Everyone"))).ShouldBe(HttpStatusCode.BadRequest);
        await (await staff.PostAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/messages", new Message("x", "x", "All"))).ShouldBe(HttpStatusCode.NotFound);
        var nobody = await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/messages", new Message("x", "x", "All"))).Json(HttpStatusCode.Accepted);
        Assert.Equal(0, nobody.GetProperty("recipients").GetInt32());
    }
}
