using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>Who gets which reminder and follow-up, and when: the rules, without a database.</summary>
public sealed class ReminderPlanTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new DateTimeOffset(new DateTime(year, month, day, hour, 0, 0), Brussels.GetUtcOffset(new DateTime(year, month, day, hour, 0, 0))).ToUniversalTime();

    private static Enrollee Enrollee(EnrollmentStatus status, DateTimeOffset confirmedAt, Attendance attendance = Attendance.Unknown) =>
        new(Guid.NewGuid(), Guid.NewGuid(), status, attendance, null, confirmedAt, status == EnrollmentStatus.Confirmed ? confirmedAt : null);

    [Fact]
    public void A_day_before_a_session_across_spring_forward_is_24_real_hours_so_one_hour_earlier_on_the_clock()
    {
        var start = Local(2027, 3, 28, 10); // Sunday 10:00; the clocks went forward at 02:00 that night
        var due = ReminderPlan.ReminderDue(start, 1440);

        Assert.Equal(TimeSpan.FromHours(24), start - due);
        Assert.Equal(new DateTime(2027, 3, 27, 9, 0, 0), TimeZoneInfo.ConvertTime(due, Brussels).DateTime);
    }

    [Fact]
    public void A_week_before_a_session_after_fall_back_is_one_hour_later_on_the_clock()
    {
        var start = Local(2027, 11, 2, 14); // winter time; a week earlier was summer time
        var due = ReminderPlan.ReminderDue(start, 10080);

        Assert.Equal(new DateTime(2027, 10, 26, 15, 0, 0), TimeZoneInfo.ConvertTime(due, Brussels).DateTime);
    }

    [Fact]
    public void Someone_confirmed_before_the_due_time_gets_the_reminder_and_someone_after_does_not()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var due = clock.GetUtcNow().AddHours(1);

        Assert.True(ReminderPlan.GetsReminder(Enrollee(EnrollmentStatus.Confirmed, clock.GetUtcNow()), due));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.False(ReminderPlan.GetsReminder(Enrollee(EnrollmentStatus.Confirmed, clock.GetUtcNow()), due));
    }

    [Fact]
    public void Waitlisted_and_cancelled_people_get_no_reminder()
    {
        var early = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(ReminderPlan.GetsReminder(Enrollee(EnrollmentStatus.Waitlisted, early), early.AddDays(10)));
        Assert.False(ReminderPlan.GetsReminder(Enrollee(EnrollmentStatus.Cancelled, early), early.AddDays(10)));
    }

    [Theory]
    [InlineData(EnrollmentStatus.Confirmed, Attendance.Attended, "FollowUp")]
    [InlineData(EnrollmentStatus.Confirmed, Attendance.Unknown, "FollowUp")]
    [InlineData(EnrollmentStatus.Confirmed, Attendance.Absent, "FollowUpMissed")]
    [InlineData(EnrollmentStatus.Waitlisted, Attendance.Unknown, null)]
    [InlineData(EnrollmentStatus.Cancelled, Attendance.Unknown, null)]
    public void The_follow_up_thanks_attendees_and_unmarked_people_and_misses_the_absent(EnrollmentStatus status, Attendance attendance, string? template)
    {
        Assert.Equal(template, ReminderPlan.FollowUpTemplate(Enrollee(status, DateTimeOffset.UnixEpoch, attendance)));
    }

    [Fact]
    public void A_follow_up_is_due_its_minutes_after_the_end()
    {
        var end = new DateTimeOffset(2027, 2, 2, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(end.AddDays(1), ReminderPlan.FollowUpDue(end, 1440));
    }
}
