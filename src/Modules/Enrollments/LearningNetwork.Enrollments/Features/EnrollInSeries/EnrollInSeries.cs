using System.Text.Json.Serialization;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Enrollments.Features.EnrollInSeries;

/// <summary>Enrolls in every session of a series that is still open.</summary>
internal sealed record EnrollInSeries : IRequest<SeriesEnrollmentResponse>
{
    [JsonIgnore]
    public Guid SeriesId { get; init; }

    public Guid? ClusterManagerId { get; init; }
}

internal sealed record SeriesEnrollmentResponse(IReadOnlyList<EnrollmentResponse> Enrollments);

internal sealed class EnrollInSeriesHandler(Enroller enroller, IMediator mediator, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EnrollInSeries, SeriesEnrollmentResponse>
{
    public async Task<SeriesEnrollmentResponse> Handle(EnrollInSeries request, CancellationToken cancellationToken)
    {
        var manager = await enroller.EnrolleeAsync(request.ClusterManagerId, cancellationToken);
        var sessions = await mediator.Send(new GetSeriesSessions(request.SeriesId), cancellationToken);
        if (sessions.Count == 0 || (!user.IsStaff && sessions.All(s => s.State == SessionState.Draft)))
        {
            throw new NotFoundException("Series", request.SeriesId);
        }

        var now = clock.GetUtcNow();
        var open = sessions.Where(s => IsOpen(s, now)).OrderBy(s => s.Session.StartsAt).ToList();
        if (open.Count == 0)
        {
            throw new ConflictException("No session of this series is open for enrollment.");
        }

        await NetworkRules.EnsureMayEnrollAsync(mediator, user, open[0].Session, manager.ClusterManagerId, cancellationToken);

        // One transaction: the manager is enrolled in all open sessions or in none. Sessions are
        // taken in start order, so two series enrollments never lock seat rows in opposite orders.
        return await enroller.InSeatTransactionAsync(async turns =>
        {
            var enrolled = new List<EnrollmentResponse>();
            foreach (var session in open)
            {
                if (await enroller.EnrollOneAsync(session, manager, request.SeriesId, turns, cancellationToken) is { } response)
                {
                    enrolled.Add(response);
                }
            }

            return enrolled.Count > 0
                ? new SeriesEnrollmentResponse(enrolled)
                : throw new ConflictException("This manager is already enrolled in every open session of this series.");
        }, cancellationToken);
    }

    private static bool IsOpen(SessionInfo session, DateTimeOffset now)
    {
        try
        {
            SessionRules.EnsureOpen(session, now);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
