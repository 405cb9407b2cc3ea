using FluentValidation;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.UpdateReminderDefaults;

/// <summary>Changes the defaults for the kinds given; sessions already scheduled keep their own rules.</summary>
internal sealed record UpdateReminderDefaults(ReminderDefaultsBody Body) : IRequest<ReminderDefaultsBody>;

internal sealed class UpdateReminderDefaultsValidator : AbstractValidator<UpdateReminderDefaults>
{
    public UpdateReminderDefaultsValidator()
    {
        RuleFor(x => x.Body).Must(b => b.Training is not null || b.LearningNetworkMeeting is not null)
            .WithMessage("Give the defaults of Training, LearningNetworkMeeting or both.")
            .OverridePropertyName("body");
        RuleFor(x => x.Body.Training).SetValidator(new KindDefaultsValidator()!).OverridePropertyName("Training");
        RuleFor(x => x.Body.LearningNetworkMeeting).SetValidator(new KindDefaultsValidator()!).OverridePropertyName("LearningNetworkMeeting");
    }

    private sealed class KindDefaultsValidator : AbstractValidator<KindDefaults>
    {
        public KindDefaultsValidator() => this.ReminderRules(x => x.Reminders, x => x.FollowUps);
    }
}

internal sealed class UpdateReminderDefaultsHandler(SessionsDbContext db, TimeProvider clock) : IRequestHandler<UpdateReminderDefaults, ReminderDefaultsBody>
{
    public async Task<ReminderDefaultsBody> Handle(UpdateReminderDefaults request, CancellationToken cancellationToken)
    {
        var all = await db.ReminderDefaults.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Apply(all.Single(d => d.Kind == SessionKind.Training), request.Body.Training, now);
        Apply(all.Single(d => d.Kind == SessionKind.LearningNetworkMeeting), request.Body.LearningNetworkMeeting, now);
        await db.SaveChangesAsync(cancellationToken);
        return ReminderDefaultsBody.From(all);
    }

    private static void Apply(ReminderDefault current, KindDefaults? change, DateTimeOffset now)
    {
        if (change is not null)
        {
            current.Change(SessionInputRules.ToRules(change.Reminders, change.FollowUps, current.Rules)!, now);
        }
    }
}
