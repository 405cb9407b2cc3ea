using System.Net;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>A second host on the same database: what one host signs, the other must accept.</summary>
public sealed class TwoHostsTests(LearningNetworkApp first) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_token_issued_by_one_host_is_accepted_by_another_host_on_the_same_database()
    {
        using var token = await first.StaffClientAsync();
        await using var second = first.AnotherHost();
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
