using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LearningNetwork.Testing;
using static LearningNetwork.Reaching.Tests.Reaching;

namespace LearningNetwork.Reaching.Tests;

/// <summary>
/// Staff announce a session to an audience: each matching manager who wants announcements and is
/// not enrolled hears of it once; one click in the email turns announcements off.
/// </summary>
public sealed partial class AnnouncementTests(ReachingApp app) : IClassFixture<ReachingApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_announcement_to_innovative_business_networks_after_funding_reaches_exactly_those_managers_once_and_a_second_only_newcomers()
    {
        using var staff = await app.StaffClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Funding over before the session: post-funding. Funding still running on the session's day: funded.
        var (ended, endedManagers) = await app.ClusterWithManagersAsync(staff, new NewCluster($"IBN ended {tag}", "InnovativeBusinessNetwork", Today.AddYears(-3), Today.AddDays(-30)), 2, "fr");
        var (_, runningManagers) = await app.ClusterWithManagersAsync(staff, new NewCluster($"IBN running {tag}", "InnovativeBusinessNetwork", Today.AddYears(-1), Today.AddYears(1)), 1);
        var (_, spearheadManagers) = await app.ClusterWithManagersAsync(staff, new NewCluster($"Spearhead ended {tag}", "SpearheadCluster", Today.AddYears(-3), Today.AddDays(-30)), 1);
        // Funding that ends between today and the session: post-funding on the session's day, so in the audience.
        var (_, endingManagers) = await app.ClusterWithManagersAsync(staff, new NewCluster($"IBN ending {tag}", "InnovativeBusinessNetwork", Today.AddYears(-2), Today.AddDays(10)), 1);
        var session = await staff.ScheduleAndPublishAsync(Draft($"Na de subsidie {tag}", new Dictionary<string, Text> { ["fr"] = new("Après la subvention") }, daysAhead: 20));
        var audience = new Announcement(new Audience(ClusterTypes: ["InnovativeBusinessNetwork"], FundingStatus: "PostFunding"), "Bring your\nfunding plan <draft>.");

        var preview = await staff.AnnounceAsync(session.Id, audience, dryRun: true);
        Assert.Equal((3, true), (preview.Recipients, preview.DryRun));
        Assert.Empty(await staff.EmailsAsync(session.Id, "SessionAnnounced"));

        var first = await staff.AnnounceAsync(session.Id, audience);

        Assert.Equal(3, first.Recipients);
        var told = endedManagers.Concat(endingManagers).ToList();
        foreach (var manager in told)
        {
            await app.Smtp.WaitForAsync(await app.EmailOfAsync(manager), "SessionAnnounced");
        }

        var french = app.Smtp.Of(await app.EmailOfAsync(endedManagers[0]), "SessionAnnounced").Single();
        Assert.Contains("Après la subvention", french.Subject, StringComparison.Ordinal);
        Assert.Contains("Bring your<br>funding plan &lt;draft&gt;.", french.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(session.Id.ToString(), french.Headers["X-LearningNetwork-Session"]);
        Assert.Equal("auto-generated", french.Headers["Auto-Submitted"]);
        Assert.Matches(UnsubscribeHeader(), french.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", french.Headers["List-Unsubscribe-Post"]);

        // A newcomer to the cluster, then the same announcement again: only the newcomer hears of it.
        var newcomer = (await app.AddManagersAsync(staff, ended, 1))[0];
        var second = await staff.AnnounceAsync(session.Id, audience);

        Assert.Equal(1, second.Recipients);
        await app.Smtp.WaitForAsync(await app.EmailOfAsync(newcomer), "SessionAnnounced");
        await Eventually.TrueAsync(async () => (await staff.EmailsAsync(session.Id, "SessionAnnounced")).All(e => e.Status == "Sent"));
        var log = await staff.EmailsAsync(session.Id, "SessionAnnounced");
        Assert.Equal(4, log.Count);
        foreach (var manager in told.Append(newcomer))
        {
            Assert.Single(app.Smtp.Of(await app.EmailOfAsync(manager), "SessionAnnounced"));
        }

        foreach (var manager in runningManagers.Concat(spearheadManagers))
        {
            Assert.Empty(app.Smtp.Of(await app.EmailOfAsync(manager), "SessionAnnounced"));
        }
    }

    [Fact]
    public async Task Managers_who_turned_announcements_off_and_those_enrolled_or_waiting_are_skipped()
    {
        using var staff = await app.StaffClientAsync();
        var (optedOut, optedOutClient) = await app.SignedInDirectoryManagerAsync(staff);
        var preferences = await (await optedOutClient.PutAsJsonAsync("/api/me/preferences", new Preferences("nl", false))).Typed<Preferences>(HttpStatusCode.OK);
        Assert.False(preferences.Announcements);
        Assert.False((await optedOutClient.GetFromJsonAsync<Preferences>("/api/me/preferences"))!.Announcements);
        var others = await app.CreateManagersAsync(staff, 4);
        var session = await staff.ScheduleAndPublishAsync(Draft($"Overslaan {Guid.NewGuid():N}", capacity: 1));
        await staff.EnrollAsync(session.Id, others[0]);
        await staff.EnrollAsync(session.Id, others[1]); // on the waitlist
        var cancelled = await (await staff.PostAsJsonAsync($"/api/sessions/{session.Id}/enrollments", new { clusterManagerId = others[2] })).Json(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/enrollments/{cancelled.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        var clusters = new[] { await app.ClusterOfAsync(optedOut), await app.ClusterOfAsync(others[0]) };

        var announced = await staff.AnnounceAsync(session.Id, new Announcement(new Audience(ClusterIds: clusters)));

        // Who cancelled is no longer enrolled: they may hear of it again.
        Assert.Equal(2, announced.Recipients);
        await app.Smtp.WaitForAsync(await app.EmailOfAsync(others[3]), "SessionAnnounced");
        await app.Smtp.WaitForAsync(await app.EmailOfAsync(others[2]), "SessionAnnounced");
        foreach (var skipped in new[] { optedOut, others[0], others[1] })
        {
            Assert.Empty(app.Smtp.Of(await app.EmailOfAsync(skipped), "SessionAnnounced"));
        }
    }

    [Fact]
    public async Task The_one_click_POST_without_a_cookie_turns_announcements_off_and_a_wrong_token_changes_nothing()
    {
        using var staff = await app.StaffClientAsync();
        var manager = (await app.CreateManagersAsync(staff, 1, language: "en"))[0];
        var session = await staff.ScheduleAndPublishAsync(Draft($"Eén klik {Guid.NewGuid():N}"));
        await staff.AnnounceAsync(session.Id, new Announcement(new Audience(ClusterIds: [await app.ClusterOfAsync(manager)])));
        var email = await app.Smtp.WaitForAsync(await app.EmailOfAsync(manager), "SessionAnnounced");
        var link = new Uri(UnsubscribeHeader().Match(email.Headers["List-Unsubscribe"] ?? "").Groups["link"].Value);
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        using var mailProgram = app.CreateClient(); // no cookie, no token: as a mail program posts
        FormUrlEncodedContent OneClick() => new([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);

        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        await (await mailProgram.PostAsync($"/api/unsubscribe?token={Uri.EscapeDataString(altered)}", OneClick())).ShouldNameInvalidField("token");
        await (await mailProgram.PostAsync("/api/unsubscribe?token=not-a-token", OneClick())).ShouldNameInvalidField("token");
        // An email secret of another kind is no unsubscribe token.
        var secret = await app.Database.ScalarAsync<string>("SELECT protected_values->>'unsubscribeToken' FROM notifications.emails WHERE kind = 'SessionAnnounced' AND cluster_manager_id = @id", ("id", manager));
        await (await mailProgram.PostAsync($"/api/unsubscribe?token={Uri.EscapeDataString(secret)}", OneClick())).ShouldNameInvalidField("token");
        Assert.True(await app.WantsAnnouncementsAsync(manager));

        var response = await mailProgram.PostAsync(link.PathAndQuery, OneClick());

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.False(await app.WantsAnnouncementsAsync(manager));
        await (await mailProgram.PostAsync(link.PathAndQuery, OneClick())).ShouldBe(HttpStatusCode.OK);
        var next = await staff.ScheduleAndPublishAsync(Draft($"Daarna {Guid.NewGuid():N}"));
        Assert.Equal(0, (await staff.AnnounceAsync(next.Id, new Announcement(new Audience(ClusterIds: [await app.ClusterOfAsync(manager)])))).Recipients);
    }

    [Fact]
    public async Task Announcements_still_waiting_for_a_manager_who_turns_them_off_are_not_sent_but_their_other_emails_are()
    {
        using var staff = await app.StaffClientAsync();
        var (manager, client) = await app.SignedInDirectoryManagerAsync(staff);
        using var signedIn = client;
        // Waiting in the send log, due in an hour: a large announcement, a funding deadline, and a reminder.
        foreach (var kind in new[] { "SessionAnnounced", "FundingDeadline", "Reminder" })
        {
            await app.Database.ExecuteAsync($$"""
                INSERT INTO notifications.emails (id, kind, source_key, recipient, recipient_name, language, values, protected_values, due_at, status, attempts, next_attempt_at, created_at, cluster_manager_id)
                VALUES ('{{Guid.NewGuid()}}', '{{kind}}', 'waiting:{{kind}}:{{manager}}', 'waiting-{{manager:N}}@cluster.example', 'Waiting', 'en', '{}', '{}',
                        now() + interval '1 hour', 'Pending', 0, now() + interval '1 hour', now(), '{{manager}}')
                """);
        }

        await (await signedIn.PutAsJsonAsync("/api/me/preferences", new { preferredLanguage = "en", announcements = false })).ShouldBe(HttpStatusCode.OK);

        async Task<string> StatusOf(string kind) => await app.Database.ScalarAsync<string>(
            "SELECT status FROM notifications.emails WHERE source_key = @key", ("key", $"waiting:{kind}:{manager}"));
        await Eventually.TrueAsync(async () => await StatusOf("SessionAnnounced") == "Skipped" && await StatusOf("FundingDeadline") == "Skipped");
        Assert.Equal("Pending", await StatusOf("Reminder"));
    }

    [Fact]
    public async Task Two_hosts_announcing_at_once_tell_each_manager_once()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 30);
        var session = await staff.ScheduleAndPublishAsync(Draft($"Twee hosts {Guid.NewGuid():N}"));
        var audience = new Announcement(new Audience(ClusterIds: [await app.ClusterOfAsync(managers[0])]));
        await using var other = app.AnotherHost();
        using var otherStaff = other.CreateClient();
        otherStaff.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;

        var both = await Task.WhenAll(staff.AnnounceAsync(session.Id, audience), otherStaff.AnnounceAsync(session.Id, audience));

        Assert.Equal(30, both.Sum(a => a.Recipients));
        Assert.Equal(30, (await staff.EmailsAsync(session.Id, "SessionAnnounced")).Count);
        Assert.Equal(30, (await staff.EmailsAsync(session.Id, "SessionAnnounced")).Select(e => e.Recipient).Distinct().Count());
    }

    [Fact]
    public async Task A_learning_networks_members_can_be_the_audience()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var network = await staff.Typed().NewNetworkAsync("MembersOnly");
        await staff.Typed().AddMembersAsync(network.Id, [managers[2], managers[0]]);
        var session = await staff.ScheduleAndPublishAsync(Draft($"Netwerk {Guid.NewGuid():N}"));

        var preview = await staff.AnnounceAsync(session.Id, new Announcement(new Audience(ClusterIds: [await app.ClusterOfAsync(managers[0])], LearningNetworkId: network.Id)), dryRun: true);

        Assert.Equal(2, preview.Recipients);
    }

    [Fact]
    public async Task Only_a_published_session_that_has_not_started_is_announced_and_a_bad_audience_is_refused()
    {
        using var staff = await app.StaffClientAsync();
        var draft = await staff.ScheduleAsync(Draft("Ontwerp"));
        var published = await staff.ScheduleAndPublishAsync(Draft("Gepubliceerd"));
        var cancelled = await staff.ScheduleAndPublishAsync(Draft("Afgelast"));
        await (await staff.PostAsJsonAsync($"/api/sessions/{cancelled.Id}/cancel", new { reason = "Zaal" })).ShouldBe(HttpStatusCode.OK);

        await (await staff.PostAsJsonAsync($"/api/sessions/{draft.Id}/announce", new Announcement())).ShouldBe(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/sessions/{cancelled.Id}/announce", new Announcement())).ShouldBe(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/announce", new Announcement())).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync($"/api/sessions/{published.Id}/announce", new Announcement(new Audience(ClusterTypes: ["Cooperative"]))))
            .ShouldNameInvalidField("audience.clusterTypes[0]");
        await (await staff.PostAsJsonAsync($"/api/sessions/{published.Id}/announce", new Announcement(new Audience(LearningNetworkId: Guid.NewGuid()))))
            .ShouldNameInvalidField("audience.learningNetworkId");
        await (await staff.PostAsJsonAsync($"/api/sessions/{published.Id}/announce", new Announcement(new Audience(FundingStatus: "Someday"))))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Empty(await staff.EmailsAsync(published.Id, "SessionAnnounced"));

        // Started since: too late to announce.
        await app.Database.ExecuteAsync($"UPDATE sessions.sessions SET starts_at = now() - interval '1 minute' WHERE id = '{published.Id}'");
        await (await staff.PostAsJsonAsync($"/api/sessions/{published.Id}/announce", new Announcement())).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Preferences_set_the_language_the_account_follows_and_refuse_what_they_do_not_know()
    {
        using var staff = await app.StaffClientAsync();
        var (_, manager) = await app.SignedInDirectoryManagerAsync(staff);
        Assert.Equal(new Preferences("nl", true), await manager.GetFromJsonAsync<Preferences>("/api/me/preferences"));

        Assert.Equal(new Preferences("fr", true), await (await manager.PutAsJsonAsync("/api/me/preferences", new Preferences("fr", true))).Typed<Preferences>(HttpStatusCode.OK));

        await Eventually.TrueAsync(async () => (await manager.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/api/me"))!["preferredLanguage"].GetString() == "fr");
        await (await manager.PutAsJsonAsync("/api/me/preferences", new { preferredLanguage = "de", announcements = true })).ShouldNameInvalidField("preferredLanguage");
        await (await manager.PutAsJsonAsync("/api/me/preferences", new { preferredLanguage = "nl" })).ShouldNameInvalidField("announcements");
        await (await staff.GetAsync("/api/me/preferences")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [GeneratedRegex(@"^<(?<link>http://localhost/api/unsubscribe\?token=[^>]+)>, <mailto:[^>]+>$")]
    private static partial Regex UnsubscribeHeader();
}
