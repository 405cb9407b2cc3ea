using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

/// <summary>Creating directory entries through the API, for the tests of this module.</summary>
internal static class Directory
{
    /// <summary>A funded spearhead cluster (or the given type) with every field filled in.</summary>
    public static Task<ClusterView> NewClusterAsync(this LearningNetworkApi staff, string? name = null, string type = "SpearheadCluster") =>
        staff.CreateClusterAsync(new ClusterRequest(
            name ?? $"Cluster {Guid.NewGuid():N}", type, "Energy", new DateOnly(2022, 1, 1), new DateOnly(2027, 12, 31), 120, "ContinueIndependently"))
            .Expect(HttpStatusCode.Created);

    public static Task<ManagerView> NewManagerAsync(this LearningNetworkApi staff, Guid clusterId, string? email = null, string language = "nl", string fullName = "Sofie Peeters") =>
        staff.CreateManagerAsync(new ManagerRequest(clusterId, fullName, email ?? $"manager-{Guid.NewGuid():N}@cluster.example", language, "+32 2 555 01 01"))
            .Expect(HttpStatusCode.Created);
}
