using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.Enrollments.Contracts;

/// <summary>A cluster manager's enrollments with attendance, the feedback they gave and their calendar feed.</summary>
public sealed record ExportEnrollmentPersonalData(Guid ClusterManagerId) : IRequest<EnrollmentPersonalData>;

public sealed record EnrollmentPersonalData(IReadOnlyList<EnrollmentOfPerson> Enrollments, IReadOnlyList<FeedbackRecord> Feedback, CalendarFeedRecord? CalendarFeed);

public sealed record EnrollmentOfPerson(
    Guid EnrollmentId, Guid SessionId, string Status, string Attendance, long? WaitlistNumber,
    DateTimeOffset EnrolledAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, string? CancellationCause);

public sealed record FeedbackRecord(Guid SessionId, int Rating, string? Comment, DateTimeOffset SubmittedAt);

public sealed record CalendarFeedRecord(DateTimeOffset CreatedAt);

/// <summary>Deletes the calendar feed and unused feedback links and removes feedback comments; enrollments and ratings stay as anonymous figures.</summary>
public sealed record EraseEnrollmentPersonalData(DataSubject Subject) : IRequest<MediatR.Unit>;
