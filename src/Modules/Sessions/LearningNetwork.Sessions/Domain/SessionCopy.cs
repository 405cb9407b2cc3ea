using LearningNetwork.GuidelineDocuments.Contracts;

namespace LearningNetwork.Sessions.Domain;

/// <summary>
/// What a session shows of facts other modules own: its seat figures (Enrollments) and its
/// materials (GuidelineDocuments), copied here when they change so that a list of sessions is
/// one query. A copy, never the truth: a single session is answered from the owners, and a copy
/// is only ever written from what the owner says at that moment (see SessionCopies).
/// </summary>
internal sealed class SessionCopy
{
    public Guid SessionId { get; init; }

    public int SeatsTaken { get; set; }

    public int WaitlistLength { get; set; }

    /// <summary>
    /// How many times Enrollments said the seat figures changed (each of its events adds one), and
    /// how many of those the figures above already reflect: a copy with more marks than it has
    /// copied is due (see SeatCopier).
    /// </summary>
    public long SeatMarks { get; set; }

    public long SeatMarksCopied { get; set; }

    public IReadOnlyList<MaterialSummary> Materials { get; set; } = [];

    /// <summary>
    /// True only for the copies the migration that introduced copies made, empty, for the sessions
    /// that already existed: they wait for the start-up task (see MissingSessionCopies) to ask the
    /// owners. Every other copy starts right, since each change since has an event of its own.
    /// </summary>
    public bool AwaitingFirstCopy { get; set; }
}
