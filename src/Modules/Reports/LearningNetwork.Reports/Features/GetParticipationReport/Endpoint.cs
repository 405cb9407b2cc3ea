using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Reports.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Reports.Features.GetParticipationReport;

internal static class GetParticipationReportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reports/participation", async (string? year, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetParticipationReport(year), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ParticipationReport")
            .WithSummary("The year's participation per cluster (sessions that started that year, in their own zone), with clusters reached per type and after funding")
            .WithDescription("year defaults to this year. A cluster is reached when one of its managers was marked Attended; its funding status is the one on each session's start date; hours count each attended session once per cluster, by its real duration. Every cluster has a row.")
            .Produces<ParticipationReport>()
            .ProducesValidationProblem();
}
