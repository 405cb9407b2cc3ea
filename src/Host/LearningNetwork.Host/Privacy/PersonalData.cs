using System.Security.Claims;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Notifications.Contracts;
using MediatR;

namespace LearningNetwork.Host.Privacy;

/// <summary>
/// A cluster manager's personal data across every module: the export (GDPR article 15) and the
/// erasure (article 17). Each module answers for the data it keeps through its Contracts; the host
/// only asks each in turn and assembles (docs/decisions/0019-personal-data-answered-by-each-module.md).
/// </summary>
internal static class PersonalData
{
    public static void MapPersonalDataEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Privacy");
        api.MapGet("/cluster-managers/{id:guid}/personal-data", async (Guid id, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ExportAsync(id, mediator, clock, ct)))
            .RequireAuthorization(Policies.Admin)
            .RecordedAsExport()
            .WithName("ExportPersonalData")
            .WithSummary("Everything stored about a cluster manager, in every module, as one document")
            .Produces<PersonalDataDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/me/personal-data", async (ICurrentUser me, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ExportAsync(me.ClusterManagerId ?? throw new ForbiddenException("Only a cluster manager has a directory entry."), mediator, clock, ct)))
            .RequireAuthorization(Policies.ClusterManager)
            .RecordedAsExport()
            .WithName("ExportMyPersonalData")
            .WithSummary("Everything stored about me, in every module, as one document")
            .Produces<PersonalDataDocument>();

        api.MapPost("/cluster-managers/{id:guid}/erase", async (Guid id, EraseRequest body, IMediator mediator, PersonalDataScrubber scrubber, HttpContext context, CancellationToken ct) =>
            {
                await EraseAsync(id, body, mediator, scrubber, context.User, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("ErasePersonalData")
            .WithSummary("Erase a cluster manager's personal data in every module; confirm with their current email")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<PersonalDataDocument> ExportAsync(Guid clusterManagerId, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var directory = await mediator.Send(new ExportDirectoryPersonalData(clusterManagerId), ct)
            ?? throw new NotFoundException("Cluster manager", clusterManagerId);
        var subject = new DataSubject(clusterManagerId, directory.Email, directory.FullName, directory.Phone);
        return new PersonalDataDocument(
            clusterManagerId,
            clock.GetUtcNow(),
            directory,
            await mediator.Send(new ExportAccountPersonalData(clusterManagerId), ct),
            await mediator.Send(new ExportEnrollmentPersonalData(clusterManagerId), ct),
            await mediator.Send(new ExportMembershipPersonalData(clusterManagerId), ct),
            await mediator.Send(new ExportDownloadPersonalData(clusterManagerId), ct),
            await mediator.Send(new ExportEmailPersonalData(subject), ct));
    }

    /// <summary>
    /// Every step is harmless when repeated, so an erasure cut short (a host stopping) is finished
    /// by asking again while the directory entry still holds the email, which goes last. The
    /// copies the infrastructure keeps (outbox payloads, background jobs) are scrubbed after every
    /// module has answered, so events raised on the way are covered too.
    /// </summary>
    private static async Task EraseAsync(Guid clusterManagerId, EraseRequest body, IMediator mediator, PersonalDataScrubber scrubber, ClaimsPrincipal caller, CancellationToken ct)
    {
        var directory = await mediator.Send(new ExportDirectoryPersonalData(clusterManagerId), ct)
            ?? throw new NotFoundException("Cluster manager", clusterManagerId);
        if (string.IsNullOrWhiteSpace(body.Confirm) || !string.Equals(body.Confirm.Trim(), directory.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("confirm", "Type the person's current email address to confirm the erasure.");
        }

        var subject = new DataSubject(clusterManagerId, directory.Email, directory.FullName, directory.Phone);
        await mediator.Send(new EraseAccountPersonalData(subject), ct);
        await mediator.Send(new EraseEnrollmentPersonalData(subject), ct);
        await mediator.Send(new EraseDownloadPersonalData(subject), ct);
        await mediator.Send(new EraseEmailPersonalData(subject), ct);
        await mediator.Send(new EraseDirectoryPersonalData(subject), ct);
        await scrubber.ScrubAsync(subject.IdentifyingValues, ct);
        var actorId = Guid.TryParse(caller.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        await mediator.Send(new RecordAuditEntry(actorId, AuditActions.PersonalDataErased, "cluster-managers", clusterManagerId,
            "Personal data erased in every module (account deleted; directory entry, send log, downloads, feedback comments, outboxes and jobs anonymised)"), ct);
    }

    internal sealed record EraseRequest(string? Confirm);

    /// <summary>One document with what every module keeps about the person.</summary>
    internal sealed record PersonalDataDocument(
        Guid ClusterManagerId,
        DateTimeOffset ExportedAt,
        DirectoryPersonalData Directory,
        AccountPersonalData? Account,
        EnrollmentPersonalData Enrollments,
        IReadOnlyList<MembershipRecord> LearningNetworks,
        IReadOnlyList<DownloadRecord> Downloads,
        IReadOnlyList<EmailRecord> Emails);
}
