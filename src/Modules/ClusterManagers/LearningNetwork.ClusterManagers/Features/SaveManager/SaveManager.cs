using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.SaveManager;

/// <summary>Create (Id empty; an invitation follows) or replace (Id from the route) a manager's details.</summary>
internal sealed record SaveManager : IRequest<ManagerResponse>
{
    [JsonIgnore]
    public Guid? Id { get; init; }

    public Guid? ClusterId { get; init; }

    public string? FullName { get; init; }

    public string? Email { get; init; }

    public string? PreferredLanguage { get; init; }

    public string? Phone { get; init; }
}

internal sealed class SaveManagerValidator : AbstractValidator<SaveManager>
{
    public SaveManagerValidator()
    {
        RuleFor(x => x.ClusterId).NotNull().WithMessage("The cluster is required.");
        RuleFor(x => x.FullName).NotEmpty().WithMessage("The full name is required.").MaximumLength(200);
        RuleFor(x => x.Email).NotEmpty().WithMessage("The email is required.")
            .Must(ClusterManager.IsValidEmail).WithMessage("Not a valid email address (name@domain.be).");
        RuleFor(x => x.PreferredLanguage).NotEmpty().WithMessage("The language is required.")
            .Must(l => l is null || Languages.All.Contains(l)).WithMessage("The language is nl, en or fr.");
        RuleFor(x => x.Phone).MaximumLength(40);
    }
}

internal sealed class SaveManagerHandler(ClusterManagersDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<SaveManager, ManagerResponse>
{
    public async Task<ManagerResponse> Handle(SaveManager request, CancellationToken cancellationToken)
    {
        var details = new ManagerDetails(request.ClusterId!.Value, request.FullName!, request.Email!, request.PreferredLanguage!, request.Phone);
        if (!await db.Clusters.AnyAsync(c => c.Id == details.ClusterId, cancellationToken))
        {
            throw new InvalidFieldException("clusterId", "There is no cluster with this id.");
        }

        await EnsureEmailFreeAsync(details.Email, request.Id, cancellationToken);
        ClusterManager manager;
        if (request.Id is { } id)
        {
            manager = await db.Managers.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster manager", id);
            manager.Update(details, clock.GetUtcNow());
        }
        else
        {
            manager = ClusterManager.Register(details, clock.GetUtcNow());
            db.Managers.Add(manager);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ResponseAsync(mediator, manager.Id, cancellationToken);
    }

    private async Task EnsureEmailFreeAsync(string email, Guid? ownId, CancellationToken cancellationToken)
    {
        var key = ClusterManager.KeyOf(email);
        if (await db.Managers.AnyAsync(m => m.EmailKey == key && m.Id != ownId, cancellationToken))
        {
            throw new ConflictException($"Another cluster manager already has the email {email.Trim()}.");
        }

        var accounts = await mediator.Send(new FindAccountsByEmail([email]), cancellationToken);
        // Any account blocks a new manager; for an existing one, any account but their own.
        if (accounts.Any(a => ownId is null || a.ClusterManagerId != ownId))
        {
            throw new ConflictException($"The email {email.Trim()} already belongs to another account.");
        }
    }
}
