using System.Globalization;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Reports.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Reports.Features.GetEnrollmentCertificate;

/// <summary>A certificate of attendance for one session, in the enrollee's language; only once they were marked Attended.</summary>
internal sealed record GetEnrollmentCertificate(Guid EnrollmentId) : IRequest<(string FileName, byte[] Content)>;

internal sealed class GetEnrollmentCertificateHandler(IMediator mediator, ICurrentUser user, IOptions<CertificateOptions> options, TimeProvider clock)
    : IRequestHandler<GetEnrollmentCertificate, (string FileName, byte[] Content)>
{
    public async Task<(string FileName, byte[] Content)> Handle(GetEnrollmentCertificate request, CancellationToken cancellationToken)
    {
        var enrollment = await mediator.Send(new GetEnrollment(request.EnrollmentId), cancellationToken);
        // Someone else's enrollment is not there for a manager: 404, as for one that does not exist.
        if (enrollment is null || (!user.IsStaff && user.ClusterManagerId != enrollment.ClusterManagerId))
        {
            throw new NotFoundException("Enrollment", request.EnrollmentId);
        }

        if (enrollment.Status != EnrollmentStatus.Confirmed || enrollment.Attendance != Attendance.Attended)
        {
            throw new ConflictException("A certificate is issued once the attendance is marked Attended.");
        }

        var session = (await mediator.Send(new GetSessions([enrollment.SessionId]), cancellationToken)).Single().Session;
        var manager = (await mediator.Send(new GetClusterManagers([enrollment.ClusterManagerId]), cancellationToken)).Single();
        var texts = CertificateTexts.For(manager.PreferredLanguage);
        var pdf = CertificateDocument.Render(
            texts, options.Value.AgencyName, manager.FullName, manager.ClusterName, texts.AttendedSession,
            [new CertificateDocument.Line(session.Title, texts.When(session.StartsAt, session.EndsAt, session.TimeZone), (session.EndsAt - session.StartsAt).TotalHours)],
            enrollment.EnrollmentId.ToString(), clock.GetUtcNow());
        return (string.Create(CultureInfo.InvariantCulture, $"certificate-{session.StartLocal:yyyy-MM-dd}-{enrollment.EnrollmentId.ToString()[..8]}.pdf"), pdf);
    }
}
