using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Tests.Domain;

/// <summary>Edits of what enrollees see raise the SEQUENCE and plan one notice per window; other edits do neither.</summary>
public sealed class UpdateNoticeTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly DateTime Start = new(2027, 2, 2, 14, 0, 0);

    private static SessionDetails Details(string place = "Brussel", int capacity = 20, IReadOnlyDictionary<string, SessionText>? translations = null) =>
        new("Subsidieregels 2027", null, SessionKind.Training, place, null, capacity, translations);

    private static Session Published()
    {
        var session = Session.Schedule(Details(), Start, Start.AddHours(2), "Europe/Brussels", null, new ReminderRules([1440], [1440]), Now);
        session.Publish(Now);
        return session;
    }

    private static void Edit(Session session, SessionDetails details, DateTimeOffset at) => session.Edit(details, "Europe/Brussels", null, null, at, Window);

    private static List<SessionUpdateNoticePlanned> Notices(Session session) => session.PendingEvents.OfType<SessionUpdateNoticePlanned>().ToList();

    [Fact]
    public void Edits_within_a_window_raise_the_SEQUENCE_each_time_and_plan_one_notice_at_the_windows_end()
    {
        var session = Published();

        Edit(session, Details("Gent"), Now.AddSeconds(10));
        Edit(session, Details("Antwerpen"), Now.AddSeconds(50));

        Assert.Equal(2, session.Sequence);
        var notice = Assert.Single(Notices(session));
        Assert.Equal(Now.AddSeconds(70), notice.NoticeDueAt);
        Assert.Equal(session.UpdateNoticeDueAt, notice.NoticeDueAt);
    }

    [Fact]
    public void An_edit_after_the_window_plans_a_new_notice()
    {
        var session = Published();

        Edit(session, Details("Gent"), Now);
        Edit(session, Details("Antwerpen"), Now.AddSeconds(61));

        Assert.Equal([Now.Add(Window), Now.AddSeconds(61).Add(Window)], Notices(session).Select(n => n.NoticeDueAt));
    }

    [Fact]
    public void A_new_translation_is_a_change_enrollees_see()
    {
        var session = Published();

        Edit(session, Details(translations: new Dictionary<string, SessionText> { ["fr"] = new("Règles de subvention", null) }), Now);

        Assert.Equal(1, session.Sequence);
        Assert.Single(Notices(session));
    }

    [Fact]
    public void Capacity_edits_and_edits_that_change_nothing_leave_the_SEQUENCE_and_plan_no_notice()
    {
        var session = Published();

        Edit(session, Details(capacity: 40), Now);
        Edit(session, Details(capacity: 40), Now.AddSeconds(5));

        Assert.Equal(0, session.Sequence);
        Assert.Empty(Notices(session));
        Assert.Null(session.UpdateNoticeDueAt);
    }

    [Fact]
    public void Editing_a_draft_plans_no_notice()
    {
        var session = Session.Schedule(Details(), Start, Start.AddHours(2), "Europe/Brussels", null, new ReminderRules([1440], [1440]), Now);

        Edit(session, Details("Gent"), Now);

        Assert.Equal(0, session.Sequence);
        Assert.Empty(Notices(session));
    }
}
