using LearningNetwork.Reports.Features.Shared;
using MediatR;

namespace LearningNetwork.Reports.Features.GetParticipationReport;

/// <summary>The year's participation per cluster and the totals the agency accounts for.</summary>
internal sealed record GetParticipationReport(string? Year) : IRequest<ParticipationReport>;

internal sealed class GetParticipationReportHandler(Participation participation, TimeProvider clock) : IRequestHandler<GetParticipationReport, ParticipationReport>
{
    public Task<ParticipationReport> Handle(GetParticipationReport request, CancellationToken cancellationToken) =>
        participation.BuildAsync(Participation.ParseYear(request.Year, clock.GetUtcNow()), cancellationToken);
}
