using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.GetReminderDefaults;

internal sealed record GetReminderDefaults : IRequest<ReminderDefaultsBody>;

internal sealed class GetReminderDefaultsHandler(SessionsDbContext db) : IRequestHandler<GetReminderDefaults, ReminderDefaultsBody>
{
    public async Task<ReminderDefaultsBody> Handle(GetReminderDefaults request, CancellationToken cancellationToken) =>
        ReminderDefaultsBody.From(await db.ReminderDefaults.AsNoTracking().ToListAsync(cancellationToken));
}
