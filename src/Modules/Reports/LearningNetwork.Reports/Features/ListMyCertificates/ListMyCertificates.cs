using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Reports.Features.ListMyCertificates;

/// <summary>The sessions a manager was marked Attended at, newest first: one certificate each.</summary>
internal sealed record ListMyCertificates : IRequest<IReadOnlyList<CertificateResponse>>;

internal sealed record CertificateResponse(Guid EnrollmentId, Guid SessionId, string Title, DateTime StartsAt, double Hours, Guid? LearningNetworkId);

internal sealed class ListMyCertificatesHandler(IMediator mediator, ICurrentUser user) : IRequestHandler<ListMyCertificates, IReadOnlyList<CertificateResponse>>
{
    public async Task<IReadOnlyList<CertificateResponse>> Handle(ListMyCertificates request, CancellationToken cancellationToken)
    {
        var me = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers have certificates.");
        var attended = await mediator.Send(new GetAttendedEnrollments(me), cancellationToken);
        var sessions = (await mediator.Send(new GetSessions(attended.Select(e => e.SessionId).ToList()), cancellationToken)).ToDictionary(s => s.Session.SessionId, s => s.Session);
        return attended.Where(e => sessions.ContainsKey(e.SessionId))
            .Select(e => (Enrollment: e, Session: sessions[e.SessionId]))
            .Select(x => new CertificateResponse(x.Enrollment.EnrollmentId, x.Session.SessionId, x.Session.Title, x.Session.StartsAt.UtcDateTime,
                Math.Round((x.Session.EndsAt - x.Session.StartsAt).TotalHours, 2), x.Session.LearningNetworkId))
            .OrderByDescending(c => c.StartsAt)
            .ToList();
    }
}
