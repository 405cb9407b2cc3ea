using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Tests.Domain;

public sealed class RecurrenceTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_Tuesday_of_six_months_gives_six_sessions_on_first_Tuesdays()
    {
        var starts = Recurrence.Expand("FREQ=MONTHLY;BYDAY=1TU;COUNT=6", new DateTime(2027, 1, 5, 16, 0, 0));

        Assert.Equal(6, starts.Count);
        Assert.All(starts, s => Assert.True(s.DayOfWeek == DayOfWeek.Tuesday && s.Day <= 7 && s.Hour == 16));
        Assert.Equal(new DateTime(2027, 6, 1, 16, 0, 0), starts[^1]);
    }

    [Fact]
    public void A_weekly_rule_with_UNTIL_stops_at_that_date()
    {
        var starts = Recurrence.Expand("FREQ=WEEKLY;UNTIL=20270201T000000Z", new DateTime(2027, 1, 5, 14, 0, 0));

        Assert.Equal(4, starts.Count);
    }

    [Fact]
    public void An_RRULE_prefix_is_accepted()
    {
        Assert.Equal(3, Recurrence.Expand("RRULE:FREQ=WEEKLY;COUNT=3", new DateTime(2027, 1, 5, 14, 0, 0)).Count);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY")]
    [InlineData("FREQ=WEEKLY;COUNT=53")]
    [InlineData("FREQ=DAILY;UNTIL=20300101T000000Z")]
    [InlineData("FREQ=HOURLY;COUNT=5")]
    [InlineData("COUNT=5")]
    [InlineData("not a rule")]
    [InlineData("FREQ=WEEKLY;COUNT=0")]
    public void A_rule_that_does_not_end_yields_too_many_or_cannot_be_read_is_refused(string rule)
    {
        var error = Assert.Throws<InvalidFieldException>(() => Recurrence.Expand(rule, new DateTime(2027, 1, 5, 14, 0, 0)));

        Assert.Equal("recurrence", error.Field);
    }

    [Fact]
    public void Fifty_two_sessions_is_the_most_a_series_may_have()
    {
        Assert.Equal(52, Recurrence.Expand("FREQ=WEEKLY;COUNT=52", new DateTime(2027, 1, 5, 14, 0, 0)).Count);
    }

    [Fact]
    public void A_series_keeps_its_local_time_across_daylight_saving_changes()
    {
        var (_, sessions) = SessionSeries.Plan(
            new SessionDetails("Intervisie", null, SessionKind.LearningNetworkMeeting, null, null, 12),
            "Europe/Brussels", new DateTime(2027, 3, 16, 16, 0, 0), 90, "FREQ=WEEKLY;COUNT=3", new ReminderRules([60], [1440]), Now);

        Assert.All(sessions, s => Assert.Equal(16, s.StartLocal.Hour));
        Assert.Equal(15, sessions[0].StartsAt.UtcDateTime.Hour); // winter time, UTC+1
        Assert.Equal(14, sessions[2].StartsAt.UtcDateTime.Hour); // summer time, UTC+2
        Assert.All(sessions, s => Assert.Equal(TimeSpan.FromMinutes(90), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void A_series_occurrence_in_the_spring_forward_gap_moves_forward_as_RFC_5545_says()
    {
        var (_, sessions) = SessionSeries.Plan(
            new SessionDetails("Night shift", null, SessionKind.Training, null, null, 12),
            "Europe/Brussels", new DateTime(2027, 3, 27, 2, 30, 0), 60, "FREQ=DAILY;COUNT=2", new ReminderRules([60], []), Now);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), sessions[1].StartsAt);
    }

    [Fact]
    public void All_sessions_of_a_series_carry_its_id_and_start_as_drafts()
    {
        var (series, sessions) = SessionSeries.Plan(
            new SessionDetails("Intervisie", null, SessionKind.LearningNetworkMeeting, null, null, 12),
            "Europe/Brussels", new DateTime(2027, 1, 5, 16, 0, 0), 90, "FREQ=MONTHLY;BYDAY=1TU;COUNT=6", new ReminderRules([60], [1440]), Now);

        Assert.All(sessions, s => Assert.Equal(series.Id, s.SeriesId));
        Assert.All(sessions, s => Assert.Equal(SessionStatus.Draft, s.Status));
    }
}
