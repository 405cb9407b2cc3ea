using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using MediatR;

namespace LearningNetwork.Enrollments.Features.ListParticipants;

/// <summary>Everyone enrolled in a session, for staff: confirmed first, then the waitlist in order, then cancelled.</summary>
internal sealed record ListParticipants(Guid SessionId) : IRequest<IReadOnlyList<ParticipantResponse>>;

internal sealed class ListParticipantsHandler(EnrollmentsDbContext db, IMediator mediator) : IRequestHandler<ListParticipants, IReadOnlyList<ParticipantResponse>>
{
    public async Task<IReadOnlyList<ParticipantResponse>> Handle(ListParticipants request, CancellationToken cancellationToken)
    {
        await ParticipantList.SessionAsync(mediator, request.SessionId, cancellationToken);
        return await ParticipantList.OfAsync(db, mediator, request.SessionId, cancellationToken);
    }
}
