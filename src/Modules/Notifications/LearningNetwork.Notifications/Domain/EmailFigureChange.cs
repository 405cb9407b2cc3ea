using LearningNetwork.Notifications.Contracts;

namespace LearningNetwork.Notifications.Domain;

/// <summary>
/// How many emails of a kind, due on a day (UTC), entered (positive) or left (negative) a state.
/// Statement-level triggers on the send log append one row per kind, day and state a statement
/// changed, so counting a period's emails by state reads a few rows per day instead of every
/// email; rows are only ever appended (no two writers wait on each other) and
/// <see cref="Sending.EmailClaims.CompactFiguresAsync"/> folds them into one row per kind, day and state.
/// </summary>
internal sealed class EmailFigureChange
{
    public long Id { get; private set; }

    public EmailKind Kind { get; private set; }

    public DateOnly DueDay { get; private set; }

    public EmailStatus Status { get; private set; }

    public int Emails { get; private set; }
}
