using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

/// <summary>Creating directory entries through the API, for the tests of this module.</summary>
internal static class Directory
{
    public static async Task<JsonElement> CreateClusterAsync(this HttpClient staff, string? name = null, string type = "SpearheadCluster") =>
        await (await staff.PostAsJsonAsync("/api/clusters", new
        {
            name = name ?? $"Cluster {Guid.NewGuid():N}",
            type,
            domain = "Energy",
            fundingStart = "2022-01-01",
            fundingEnd = "2027-12-31",
            memberCompanies = 120,
            postFundingPlan = "ContinueIndependently",
        })).Json(HttpStatusCode.Created);

    public static async Task<JsonElement> CreateManagerAsync(this HttpClient staff, string clusterId, string? email = null, string language = "nl", string fullName = "Sofie Peeters") =>
        await (await staff.PostAsJsonAsync("/api/cluster-managers", new
        {
            clusterId,
            fullName,
            email = email ?? $"manager-{Guid.NewGuid():N}@cluster.example",
            preferredLanguage = language,
            phone = "+32 2 555 01 01",
        })).Json(HttpStatusCode.Created);
}
