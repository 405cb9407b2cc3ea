using System.Globalization;
using LearningNetwork.BuildingBlocks.Csv;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.Participants;

internal sealed record ParticipantResponse(
    Guid Id, Guid ClusterManagerId, string FullName, string ClusterName, EnrollmentStatus Status, int? WaitlistPosition, Attendance Attendance, DateTime EnrolledAt);

/// <summary>Everyone enrolled in a session, for staff: confirmed first, then the waitlist in order, then cancelled.</summary>
internal sealed record ListParticipants(Guid SessionId) : IRequest<IReadOnlyList<ParticipantResponse>>;

internal sealed record ParticipantsCsv(Guid SessionId) : IRequest<(string FileName, byte[] Content)>;

internal sealed record AttendanceMark(Guid? EnrollmentId, Attendance? Attendance);

/// <summary>Staff record who came. Only confirmed enrollments of this session can be marked.</summary>
internal sealed record MarkAttendance(Guid SessionId, IReadOnlyList<AttendanceMark> Marks) : IRequest<Unit>;

internal sealed class MarkAttendanceValidator : AbstractValidator<MarkAttendance>
{
    public MarkAttendanceValidator()
    {
        RuleFor(x => x.Marks).NotEmpty().WithMessage("Send at least one mark.").OverridePropertyName("body");
        RuleForEach(x => x.Marks).ChildRules(mark =>
        {
            mark.RuleFor(m => m.EnrollmentId).NotNull().WithMessage("The enrollment id is required.");
            mark.RuleFor(m => m.Attendance).NotNull().WithMessage("The attendance is required: Unknown, Attended or Absent.");
        }).OverridePropertyName("body");
    }
}

internal sealed class ParticipantsHandler(EnrollmentsDbContext db, IMediator mediator)
    : IRequestHandler<ListParticipants, IReadOnlyList<ParticipantResponse>>,
      IRequestHandler<ParticipantsCsv, (string FileName, byte[] Content)>,
      IRequestHandler<MarkAttendance, Unit>
{
    public async Task<IReadOnlyList<ParticipantResponse>> Handle(ListParticipants request, CancellationToken cancellationToken)
    {
        await EnsureSessionAsync(request.SessionId, cancellationToken);
        return await ParticipantsAsync(request.SessionId, cancellationToken);
    }

    public async Task<(string FileName, byte[] Content)> Handle(ParticipantsCsv request, CancellationToken cancellationToken)
    {
        var session = await EnsureSessionAsync(request.SessionId, cancellationToken);
        var participants = await ParticipantsAsync(request.SessionId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.Session.TimeZone);
        var csv = new SpreadsheetCsv().Row(["Name", "Cluster", "Status", "Waitlist position", "Attendance", "Enrolled at"]);
        foreach (var p in participants)
        {
            var enrolledAt = TimeZoneInfo.ConvertTimeFromUtc(p.EnrolledAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            csv.Row([p.FullName, p.ClusterName, p.Status.ToString(), p.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "", p.Attendance.ToString(), enrolledAt]);
        }

        var content = csv.ToBytes();
        var date = session.Session.StartLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ($"participants-{date}-{request.SessionId.ToString()[..8]}.csv", content);
    }

    public async Task<Unit> Handle(MarkAttendance request, CancellationToken cancellationToken)
    {
        await EnsureSessionAsync(request.SessionId, cancellationToken);
        var ids = request.Marks.Select(m => m.EnrollmentId!.Value).ToList();
        var enrollments = await db.Enrollments.Where(e => ids.Contains(e.Id) && e.SessionId == request.SessionId).ToDictionaryAsync(e => e.Id, cancellationToken);
        for (var i = 0; i < request.Marks.Count; i++)
        {
            var mark = request.Marks[i];
            if (!enrollments.TryGetValue(mark.EnrollmentId!.Value, out var enrollment))
            {
                throw new InvalidFieldException($"[{i}].enrollmentId", "This enrollment is not one of this session's.");
            }

            if (enrollment.Status != EnrollmentStatus.Confirmed)
            {
                throw new InvalidFieldException($"[{i}].enrollmentId", $"Only confirmed enrollments take attendance; this one is {enrollment.Status}.");
            }

            enrollment.MarkAttendance(mark.Attendance!.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<SessionInfo> EnsureSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetSessions([sessionId]), cancellationToken)).SingleOrDefault() ?? throw new NotFoundException("Session", sessionId);

    private async Task<IReadOnlyList<ParticipantResponse>> ParticipantsAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.SessionId == sessionId).ToListAsync(cancellationToken);
        var managers = (await mediator.Send(new GetClusterManagers(enrollments.Select(e => e.ClusterManagerId).ToList()), cancellationToken))
            .ToDictionary(m => m.ClusterManagerId);
        var position = 0;
        return enrollments
            .OrderBy(e => e.Status switch { EnrollmentStatus.Confirmed => 0, EnrollmentStatus.Waitlisted => 1, _ => 2 })
            .ThenBy(e => e.WaitlistNumber).ThenBy(e => e.EnrolledAt).ThenBy(e => e.Id)
            .Select(e =>
            {
                var manager = managers.GetValueOrDefault(e.ClusterManagerId);
                return new ParticipantResponse(e.Id, e.ClusterManagerId, manager?.FullName ?? "(unknown)", manager?.ClusterName ?? "",
                    e.Status, e.Status == EnrollmentStatus.Waitlisted ? ++position : null, e.Attendance, e.EnrolledAt.UtcDateTime);
            })
            .ToList();
    }
}
