using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using MediatR;

namespace LearningNetwork.Enrollments.Features.ListManagerEnrollments;

/// <summary>Staff read one manager's enrollments, past and upcoming, cancelled ones included unless asked otherwise.</summary>
internal sealed record ListManagerEnrollments(Guid ClusterManagerId, bool? IncludeCancelled, int? Page, int? PageSize) : IRequest<PagedResult<MyEnrollmentResponse>>;

internal sealed class ListManagerEnrollmentsValidator : AbstractValidator<ListManagerEnrollments>
{
    public ListManagerEnrollmentsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListManagerEnrollmentsHandler(EnrollmentsDbContext db, IMediator mediator)
    : IRequestHandler<ListManagerEnrollments, PagedResult<MyEnrollmentResponse>>
{
    public async Task<PagedResult<MyEnrollmentResponse>> Handle(ListManagerEnrollments request, CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new GetClusterManagers([request.ClusterManagerId]), cancellationToken)).Count == 0)
        {
            throw new NotFoundException("ClusterManager", request.ClusterManagerId);
        }

        return await EnrollmentsWithSessions.ReadAsync(
            db, mediator, request.ClusterManagerId, request.IncludeCancelled != false, new PageRequest(request.Page ?? 1, request.PageSize ?? 50), cancellationToken);
    }
}
