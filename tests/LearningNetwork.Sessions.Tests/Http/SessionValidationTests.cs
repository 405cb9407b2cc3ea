using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningNetwork.Testing;

namespace LearningNetwork.Sessions.Tests.Http;

/// <summary>Bad input is a 400 that names the field and why, never a 500, and nothing is stored.</summary>
public sealed class SessionValidationTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    private async Task<HttpResponseMessage> ScheduleWith(Action<JsonObject> change)
    {
        using var staff = await app.StaffClientAsync();
        var body = SessionRequests.ValidSession();
        change(body);
        return await staff.PostAsJsonAsync("/api/sessions", body);
    }

    [Fact]
    public async Task An_end_before_the_start_names_the_end()
    {
        var message = await (await ScheduleWith(b => b["end"] = SessionRequests.Local(DateTime.UtcNow.Date.AddDays(30).AddHours(10))))
            .ShouldNameInvalidField("end");

        Assert.Contains("after the start", message);
    }

    [Fact]
    public async Task Every_broken_time_rule_is_named_in_one_answer()
    {
        var past = DateTime.UtcNow.Date.AddDays(-2).AddHours(10);

        var response = await ScheduleWith(b =>
        {
            b["start"] = SessionRequests.Local(past);
            b["end"] = SessionRequests.Local(past.AddHours(-1));
            b["enrollmentDeadline"] = SessionRequests.Local(past.AddDays(1));
        });

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["end", "enrollmentDeadline", "start"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("after the start", errors.GetProperty("end")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("in the future", errors.GetProperty("start")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_000)]
    public async Task A_capacity_below_one_or_absurdly_high_names_the_capacity(int capacity)
    {
        await (await ScheduleWith(b => b["capacity"] = capacity)).ShouldNameInvalidField("capacity");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("GMT+1")]
    public async Task An_unknown_time_zone_names_the_time_zone(string zone)
    {
        await (await ScheduleWith(b => b["timeZone"] = zone)).ShouldNameInvalidField("timeZone");
    }

    [Fact]
    public async Task A_local_time_in_the_spring_forward_gap_names_the_start()
    {
        var gap = SessionRequests.NextSpringForwardSunday().AddHours(2).AddMinutes(30);

        var message = await (await ScheduleWith(b =>
        {
            b["start"] = SessionRequests.Local(gap);
            b["end"] = SessionRequests.Local(gap.AddHours(2));
        })).ShouldNameInvalidField("start");

        Assert.Contains("does not exist", message);
    }

    [Theory]
    [InlineData("2027-01-12T14:00Z")]
    [InlineData("12/01/2027 14:00")]
    [InlineData("tomorrow")]
    public async Task A_start_that_is_not_a_local_time_names_the_start(string start)
    {
        await (await ScheduleWith(b => b["start"] = start)).ShouldNameInvalidField("start");
    }

    [Fact]
    public async Task A_start_in_the_past_names_the_start()
    {
        await (await ScheduleWith(b =>
        {
            b["start"] = SessionRequests.Local(DateTime.UtcNow.AddDays(-2));
            b["end"] = SessionRequests.Local(DateTime.UtcNow.AddDays(-2).AddHours(1));
        })).ShouldNameInvalidField("start");
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named()
    {
        using var staff = await app.StaffClientAsync();

        var response = await staff.PostAsJsonAsync("/api/sessions", new { });

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "kind", "start", "end", "timeZone", "capacity" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task An_unknown_kind_names_the_kind()
    {
        await (await ScheduleWith(b => b["kind"] = "Party")).ShouldNameInvalidField("kind");
    }

    [Fact]
    public async Task A_number_sent_as_text_names_the_field()
    {
        await (await ScheduleWith(b => b["capacity"] = "ten")).ShouldNameInvalidField("capacity");
    }

    [Fact]
    public async Task A_field_that_is_not_part_of_the_request_is_named()
    {
        await (await ScheduleWith(b => b["capacityy"] = 10)).ShouldNameInvalidField("capacityy");
    }

    [Fact]
    public async Task A_non_http_online_link_names_the_online_url()
    {
        await (await ScheduleWith(b => b["onlineUrl"] = "javascript:alert(1)")).ShouldNameInvalidField("onlineUrl");
    }

    [Fact]
    public async Task A_reminder_of_zero_minutes_before_names_the_reminders()
    {
        await (await ScheduleWith(b => b["reminders"] = new JsonArray(new JsonObject { ["minutesBefore"] = 0 }))).ShouldNameInvalidField("reminders[0]");
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_and_stores_nothing()
    {
        using var staff = await app.StaffClientAsync();
        var before = await CountSessions();

        var response = await staff.PostAsync("/api/sessions", new StringContent("{\"title\": \"Subsidie", Encoding.UTF8, "application/json"));

        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountSessions());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415_problem()
    {
        using var staff = await app.StaffClientAsync();

        var response = await staff.PostAsync("/api/sessions", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=yesterday", "from")]
    [InlineData("kind=Party", "kind")]
    [InlineData("status=Open", "status")]
    [InlineData("page=abc", "page")]
    public async Task A_bad_list_filter_names_the_parameter(string query, string field)
    {
        using var staff = await app.StaffClientAsync();

        await (await staff.GetAsync($"/api/sessions?{query}")).ShouldNameInvalidField(field);
    }

    [Fact]
    public async Task A_malformed_id_in_the_path_is_a_404_not_a_500()
    {
        using var staff = await app.StaffClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/sessions/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task Lowering_capacity_below_the_confirmed_count_is_a_409_and_changes_nothing()
    {
        using var staff = await app.StaffClientAsync();
        var session = await staff.PublishedAsync(SessionRequests.ValidSession(capacity: 10));
        foreach (var managerId in await app.CreateManagersAsync(staff, 3))
        {
            (await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/enrollments", new { clusterManagerId = managerId })).EnsureSuccessStatusCode();
        }

        var response = await staff.PutAsJsonAsync($"/api/sessions/{session.Id()}", new { title = "Smaller room", kind = "Training", timeZone = "Europe/Brussels", capacity = 2 });

        await response.ShouldBe(HttpStatusCode.Conflict);
        var stored = await staff.GetFromJsonAsync<JsonElement>($"/api/sessions/{session.Id()}");
        Assert.Equal(10, stored.GetProperty("capacity").GetInt32());
        Assert.Equal(3, stored.GetProperty("seatsTaken").GetInt32());
        Assert.Equal(7, stored.GetProperty("seatsLeft").GetInt32());
        Assert.Equal("Subsidieregels", stored.Str("title")[..14]);
    }

    private Task<long> CountSessions() => app.Database.ScalarAsync<long>("SELECT count(*) FROM sessions.sessions");
}
