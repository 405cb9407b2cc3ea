using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.MarkAttendance;

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

internal sealed class MarkAttendanceHandler(EnrollmentsDbContext db, IMediator mediator) : IRequestHandler<MarkAttendance, Unit>
{
    public async Task<Unit> Handle(MarkAttendance request, CancellationToken cancellationToken)
    {
        await ParticipantList.SessionAsync(mediator, request.SessionId, cancellationToken);
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
}
