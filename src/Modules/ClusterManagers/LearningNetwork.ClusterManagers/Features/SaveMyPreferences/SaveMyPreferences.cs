using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Features.GetMyPreferences;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.SaveMyPreferences;

/// <summary>A manager sets their language (their account follows, as when staff change it) and turns announcements on or off.</summary>
internal sealed record SaveMyPreferences : IRequest<PreferencesResponse>
{
    public string? PreferredLanguage { get; init; }

    public bool? Announcements { get; init; }
}

internal sealed class SaveMyPreferencesValidator : AbstractValidator<SaveMyPreferences>
{
    public SaveMyPreferencesValidator()
    {
        RuleFor(x => x.PreferredLanguage).NotEmpty().WithMessage("The language is required.")
            .Must(l => l is null || Languages.All.Contains(l)).WithMessage("The language is nl, en or fr.");
        RuleFor(x => x.Announcements).NotNull().WithMessage("Say whether you want announcements: true or false.");
    }
}

internal sealed class SaveMyPreferencesHandler(ClusterManagersDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveMyPreferences, PreferencesResponse>
{
    public async Task<PreferencesResponse> Handle(SaveMyPreferences request, CancellationToken cancellationToken)
    {
        var id = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers have these preferences.");
        var manager = await db.Managers.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster manager", id);
        manager.SetPreferences(request.PreferredLanguage!, request.Announcements!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new PreferencesResponse(manager.PreferredLanguage, manager.Announcements);
    }
}
