using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Reports.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Reports.Features.GetNetworkCertificate;

/// <summary>One certificate over a learning network's cycle: every meeting the manager attended, with the total hours.</summary>
internal sealed record GetNetworkCertificate(Guid NetworkId, Guid ClusterManagerId) : IRequest<(string FileName, byte[] Content)>;

internal sealed class GetNetworkCertificateHandler(IMediator mediator, ICurrentUser user, IOptions<CertificateOptions> options, TimeProvider clock)
    : IRequestHandler<GetNetworkCertificate, (string FileName, byte[] Content)>
{
    public async Task<(string FileName, byte[] Content)> Handle(GetNetworkCertificate request, CancellationToken cancellationToken)
    {
        if (!user.IsStaff && user.ClusterManagerId != request.ClusterManagerId)
        {
            throw new NotFoundException("Certificate", request.ClusterManagerId);
        }

        var network = await mediator.Send(new GetLearningNetwork(request.NetworkId), cancellationToken)
            ?? throw new NotFoundException("Learning network", request.NetworkId);
        var manager = (await mediator.Send(new GetClusterManagers([request.ClusterManagerId]), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Cluster manager", request.ClusterManagerId);
        var attended = (await mediator.Send(new GetAttendedEnrollments(request.ClusterManagerId), cancellationToken)).Select(e => e.SessionId).ToHashSet();
        var meetings = (await mediator.Send(new GetLearningNetworkMeetings([network.LearningNetworkId]), cancellationToken))
            .Where(m => m.State == SessionState.Published && attended.Contains(m.Session.SessionId))
            .Select(m => m.Session).ToList();
        if (meetings.Count == 0)
        {
            throw new ConflictException("This manager has no attended meeting of this learning network yet.");
        }

        var texts = CertificateTexts.For(manager.PreferredLanguage);
        var pdf = CertificateDocument.Render(
            texts, options.Value.AgencyName, manager.FullName, manager.ClusterName, string.Format(texts.Culture, texts.AttendedNetwork, network.Name),
            meetings.Select(m => new CertificateDocument.Line(m.Title, texts.When(m.StartsAt, m.EndsAt, m.TimeZone), (m.EndsAt - m.StartsAt).TotalHours)).ToList(),
            $"{network.LearningNetworkId}/{manager.ClusterManagerId}", clock.GetUtcNow());
        return ($"certificate-{network.LearningNetworkId.ToString()[..8]}-{manager.ClusterManagerId.ToString()[..8]}.pdf", pdf);
    }
}
