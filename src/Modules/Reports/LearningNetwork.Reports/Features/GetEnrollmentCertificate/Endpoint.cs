using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningNetwork.Reports.Features.GetEnrollmentCertificate;

internal static class GetEnrollmentCertificateEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enrollments/{id:guid}/certificate.pdf", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (fileName, content) = await mediator.Send(new GetEnrollmentCertificate(id), ct);
                return TypedResults.File(content, "application/pdf", fileName);
            })
            .RequireAuthorization()
            .WithName("EnrollmentCertificate")
            .WithSummary("A certificate of attendance (PDF, in the enrollee's language) for the enrollee or staff; 409 unless marked Attended")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
