using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Tests.Domain;

public sealed class ZonedTimeTests
{
    private static readonly TimeZoneInfo Brussels = ZonedTime.FindZone("Europe/Brussels");

    [Fact]
    public void A_winter_time_in_Brussels_is_one_hour_ahead_of_UTC()
    {
        var instant = ZonedTime.ToInstant(new DateTime(2027, 1, 12, 14, 0, 0), Brussels);

        Assert.Equal(new DateTimeOffset(2027, 1, 12, 13, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_summer_time_in_Brussels_is_two_hours_ahead_of_UTC()
    {
        var instant = ZonedTime.ToInstant(new DateTime(2027, 7, 6, 14, 0, 0), Brussels);

        Assert.Equal(new DateTimeOffset(2027, 7, 6, 12, 0, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(2, 30)]
    [InlineData(2, 59)]
    public void The_hour_skipped_when_clocks_spring_forward_does_not_exist(int hour, int minute)
    {
        // 28 March 2027: in Brussels 02:00 becomes 03:00.
        Assert.True(ZonedTime.DoesNotExist(new DateTime(2027, 3, 28, hour, minute, 0), Brussels));
    }

    [Fact]
    public void The_minutes_around_the_spring_forward_gap_exist()
    {
        Assert.False(ZonedTime.DoesNotExist(new DateTime(2027, 3, 28, 1, 59, 0), Brussels));
        Assert.False(ZonedTime.DoesNotExist(new DateTime(2027, 3, 28, 3, 0, 0), Brussels));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), ZonedTime.ToInstant(new DateTime(2027, 3, 28, 3, 0, 0), Brussels));
    }

    [Fact]
    public void An_ambiguous_time_when_clocks_fall_back_means_its_first_occurrence()
    {
        // 31 October 2027: 02:00-03:00 happens twice in Brussels, first at +02:00, then at +01:00.
        var instant = ZonedTime.ToInstant(new DateTime(2027, 10, 31, 2, 30, 0), Brussels);

        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_session_across_the_fall_back_night_lasts_one_hour_longer_than_the_wall_clock_says()
    {
        var start = ZonedTime.ToInstant(new DateTime(2027, 10, 31, 1, 0, 0), Brussels);
        var end = ZonedTime.ToInstant(new DateTime(2027, 10, 31, 4, 0, 0), Brussels);

        Assert.Equal(TimeSpan.FromHours(4), end - start);
    }

    [Fact]
    public void A_time_in_the_gap_moves_forward_by_the_length_of_the_gap_when_asked_for_its_instant()
    {
        var instant = ZonedTime.ToInstant(new DateTime(2027, 3, 28, 2, 30, 0), Brussels);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), instant); // 03:30 local
    }

    [Theory]
    [InlineData("Europe/Brussels", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData("Romance Standard Time", false)]
    public void Only_IANA_zone_names_are_accepted(string id, bool accepted)
    {
        Assert.Equal(accepted, ZonedTime.TryFindZone(id, out _));
    }

    [Theory]
    [InlineData("2027-01-12T14:00", true)]
    [InlineData("2027-01-12T14:00:00", true)]
    [InlineData("2027-01-12T14:00Z", false)]
    [InlineData("2027-01-12T14:00+01:00", false)]
    [InlineData("12/01/2027 14:00", false)]
    [InlineData("2027-02-30T14:00", false)]
    public void Local_times_are_written_without_an_offset(string value, bool accepted)
    {
        Assert.Equal(accepted, ZonedTime.TryParseLocal(value, out _));
    }
}
