using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Sessions.Features.PublishSeries;

internal static class PublishSeriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/series/{id:guid}/publish", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PublishSeries(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("PublishSeries")
            .WithSummary("Publish every upcoming draft of a series")
            .Produces<PublishSeriesResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
