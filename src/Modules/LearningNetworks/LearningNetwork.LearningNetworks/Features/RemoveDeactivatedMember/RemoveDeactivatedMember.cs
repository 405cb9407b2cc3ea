using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.RemoveDeactivatedMember;

/// <summary>A deactivated manager leaves every network (their future enrollments end in the Enrollments module already).</summary>
internal sealed class RemoveDeactivatedMemberHandler(LearningNetworksDbContext db) : INotificationHandler<ClusterManagerDeactivated>
{
    public Task Handle(ClusterManagerDeactivated notification, CancellationToken cancellationToken) =>
        db.Members.Where(m => m.ClusterManagerId == notification.ClusterManagerId).ExecuteDeleteAsync(cancellationToken);
}
