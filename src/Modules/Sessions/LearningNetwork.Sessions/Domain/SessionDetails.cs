using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Sessions.Domain;

/// <summary>What staff fill in for a session apart from its times: shared by schedule, edit and series. Translations left null stay as they are.</summary>
internal sealed record SessionDetails(
    string Title,
    string? Description,
    SessionKind Kind,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    IReadOnlyDictionary<string, SessionText>? Translations = null);
