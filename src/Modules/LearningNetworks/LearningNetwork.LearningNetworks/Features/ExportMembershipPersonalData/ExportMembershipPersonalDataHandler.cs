using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.ExportMembershipPersonalData;

internal sealed class ExportMembershipPersonalDataHandler(LearningNetworksDbContext db) : IRequestHandler<Contracts.ExportMembershipPersonalData, IReadOnlyList<MembershipRecord>>
{
    public async Task<IReadOnlyList<MembershipRecord>> Handle(Contracts.ExportMembershipPersonalData request, CancellationToken cancellationToken) =>
        await (from m in db.Members.AsNoTracking()
               join n in db.Networks.AsNoTracking() on m.NetworkId equals n.Id
               where m.ClusterManagerId == request.ClusterManagerId
               orderby m.JoinedAt
               select new MembershipRecord(n.Id, n.Name, m.JoinedAt)).ToListAsync(cancellationToken);
}
