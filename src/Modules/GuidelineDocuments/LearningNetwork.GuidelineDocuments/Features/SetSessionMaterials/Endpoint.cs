using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.GuidelineDocuments.Features.SetSessionMaterials;

internal static class SetSessionMaterialsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/sessions/{id:guid}/materials", async (Guid id, MaterialsBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetSessionMaterials(id, body.GuidelineIds), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("SetSessionMaterials").WithSummary("Attach published guidelines to a session as its materials")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    internal sealed record MaterialsBody(IReadOnlyList<Guid>? GuidelineIds);
}
