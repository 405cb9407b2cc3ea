using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using MediatR;

namespace LearningNetwork.Enrollments.Features.ListMyEnrollments;

/// <summary>The caller's enrollments with their sessions, soonest first; cancelled ones only on request.</summary>
internal sealed record ListMyEnrollments(bool? IncludeCancelled, int? Page, int? PageSize) : IRequest<PagedResult<MyEnrollmentResponse>>;

internal sealed class ListMyEnrollmentsValidator : AbstractValidator<ListMyEnrollments>
{
    public ListMyEnrollmentsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListMyEnrollmentsHandler(EnrollmentsDbContext db, IMediator mediator, ICurrentUser user)
    : IRequestHandler<ListMyEnrollments, PagedResult<MyEnrollmentResponse>>
{
    public Task<PagedResult<MyEnrollmentResponse>> Handle(ListMyEnrollments request, CancellationToken cancellationToken)
    {
        var managerId = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers have enrollments.");
        return EnrollmentsWithSessions.ReadAsync(db, mediator, managerId, request.IncludeCancelled == true, new PageRequest(request.Page ?? 1, request.PageSize ?? 50), cancellationToken);
    }
}
