using System.Text.Json.Serialization;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Features.Shared;

internal sealed record KindDefaults(IReadOnlyList<ReminderRule>? Reminders, IReadOnlyList<FollowUpRule>? FollowUps);

/// <summary>The rules new sessions of each kind get; keyed by the kind's name, as docs/api.md shows it.</summary>
internal sealed record ReminderDefaultsBody
{
    [JsonPropertyName("Training")]
    public KindDefaults? Training { get; init; }

    [JsonPropertyName("LearningNetworkMeeting")]
    public KindDefaults? LearningNetworkMeeting { get; init; }

    public static ReminderDefaultsBody From(IReadOnlyList<ReminderDefault> defaults)
    {
        KindDefaults Of(SessionKind kind)
        {
            var rules = defaults.Single(d => d.Kind == kind).Rules;
            return new KindDefaults(
                rules.MinutesBefore.Select(m => new ReminderRule(m)).ToList(),
                rules.MinutesAfter.Select(m => new FollowUpRule(m)).ToList());
        }

        return new ReminderDefaultsBody { Training = Of(SessionKind.Training), LearningNetworkMeeting = Of(SessionKind.LearningNetworkMeeting) };
    }
}
