using System.Net;
using System.Net.Http.Json;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

public sealed class DirectoryTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Staff_create_read_and_update_a_cluster()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync("Blue Economy " + Guid.NewGuid().ToString("N")[..6]);

        var updated = await staff.UpdateClusterAsync(cluster.Id, new ClusterRequest(
            cluster.Name, "InnovativeBusinessNetwork", FundingStart: new DateOnly(2023, 1, 1), FundingEnd: new DateOnly(2025, 12, 31), MemberCompanies: 30,
            PostFundingPlan: "JoinSpearheadCluster")).Expect(HttpStatusCode.OK);
        var read = await staff.GetClusterAsync(cluster.Id).Expect(HttpStatusCode.OK);

        Assert.Equal("InnovativeBusinessNetwork", updated.Type);
        Assert.Equal("JoinSpearheadCluster", read.PostFundingPlan);
        Assert.Equal(new DateOnly(2025, 12, 31), read.FundingEnd);
        Assert.Null(read.Domain);
    }

    [Fact]
    public async Task A_cluster_name_is_unique_whatever_its_case()
    {
        var staff = await app.StaffApiAsync();
        var name = "Chemie Hub " + Guid.NewGuid().ToString("N")[..6];
        await staff.NewClusterAsync(name);

        await staff.CreateClusterAsync(new ClusterRequest(name.ToUpperInvariant(), "SpearheadCluster")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"name":"x","type":"Club"}""", "type")]
    [InlineData("""{"type":"SpearheadCluster"}""", "name")]
    [InlineData("""{"name":"x","type":"SpearheadCluster","fundingStart":"2025-01-01","fundingEnd":"2024-01-01"}""", "fundingEnd")]
    [InlineData("""{"name":"x","type":"SpearheadCluster","memberCompanies":-3}""", "memberCompanies")]
    [InlineData("""{"name":"x","type":"SpearheadCluster","fundingStart":"01/02/2025"}""", "fundingStart")]
    [InlineData("""{"name":"x","type":"SpearheadCluster","postFundingPlan":"Party"}""", "postFundingPlan")]
    public async Task Bad_cluster_input_names_the_field(string body, string field)
    {
        using var staff = await app.StaffClientAsync();

        await (await staff.PostAsync("/api/clusters", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ShouldNameInvalidField(field);
    }

    [Fact]
    public async Task A_manager_needs_a_known_cluster_a_valid_email_and_a_known_language()
    {
        using var http = await app.StaffClientAsync();
        var staff = http.Typed();
        var cluster = await staff.NewClusterAsync();

        await staff.CreateManagerAsync(new ManagerRequest(Guid.NewGuid(), "A", "a@b.be", "nl")).ShouldNameInvalidField("clusterId");
        await staff.CreateManagerAsync(new ManagerRequest(cluster.Id, "A", "not-an-email", "nl")).ShouldNameInvalidField("email");
        await staff.CreateManagerAsync(new ManagerRequest(cluster.Id, "A", "a@b.be", "de")).ShouldNameInvalidField("preferredLanguage");
        // Without the name at all: no typed call leaves it out.
        await (await http.PostAsJsonAsync("/api/cluster-managers", new { clusterId = cluster.Id, email = "a@b.be", preferredLanguage = "nl" })).ShouldNameInvalidField("fullName");
    }

    [Fact]
    public async Task An_email_already_in_use_is_a_409_whether_a_manager_or_staff_has_it()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var email = $"taken-{Guid.NewGuid():N}@cluster.example";
        await staff.NewManagerAsync(cluster.Id, email);

        await staff.CreateManagerAsync(new ManagerRequest(cluster.Id, "B", email.ToUpperInvariant(), "en")).ExpectProblem(HttpStatusCode.Conflict);
        await staff.CreateManagerAsync(new ManagerRequest(cluster.Id, "C", LearningNetworkApp.StaffEmail, "en")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Managers_are_found_by_name_email_or_cluster_and_paged()
    {
        var staff = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cluster = await staff.NewClusterAsync($"Zoekcluster {tag}");
        var other = await staff.NewClusterAsync();
        await staff.NewManagerAsync(cluster.Id, $"an.{tag}@one.example", fullName: "An Willems");
        await staff.NewManagerAsync(cluster.Id, $"bert.{tag}@two.example", fullName: "Bert Maes");
        await staff.NewManagerAsync(other.Id, $"carl.{tag}@three.example", fullName: $"Carl {tag}");

        var byCluster = await staff.GetManagersAsync(new ManagerQuery(ClusterId: cluster.Id)).Expect(HttpStatusCode.OK);
        var byEmail = await staff.GetManagersAsync(new ManagerQuery($"bert.{tag}")).Expect(HttpStatusCode.OK);
        var byClusterName = await staff.GetManagersAsync(new ManagerQuery($"zoekcluster {tag}")).Expect(HttpStatusCode.OK);
        var page2 = await staff.GetManagersAsync(new ManagerQuery(tag, Page: 2, PageSize: 2)).Expect(HttpStatusCode.OK);

        Assert.Equal(2, byCluster.Total);
        Assert.Equal("Bert Maes", Assert.Single(byEmail.Items).FullName);
        Assert.Equal(2, byClusterName.Total);
        Assert.Equal(3, page2.Total);
        Assert.Single(page2.Items);
    }

    [Fact]
    public async Task A_search_ignores_case_also_in_accented_names_and_follows_a_rename()
    {
        var staff = await app.StaffApiAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cluster = await staff.NewClusterAsync($"Élan {tag}");
        var manager = await staff.NewManagerAsync(cluster.Id, $"helene.{tag}@one.example", fullName: $"Hélène Œuvray {tag}");
        Task<Paged<ManagerView>> SearchAsync(string search) => staff.GetManagersAsync(new ManagerQuery(search)).Expect(HttpStatusCode.OK);

        var byUpperName = await SearchAsync($"HÉLÈNE ŒUVRAY {tag}");
        var byUpperEmail = await SearchAsync($"HELENE.{tag.ToUpperInvariant()}@ONE");
        var byUpperCluster = await SearchAsync($"ÉLAN {tag}");
        await staff.UpdateManagerAsync(manager.Id, new ManagerRequest(cluster.Id, $"Hélène Lefèvre {tag}", $"helene.{tag}@one.example", "fr")).Expect(HttpStatusCode.OK);
        var byOldName = await SearchAsync($"œuvray {tag}");
        var byNewName = await SearchAsync($"LEFÈVRE {tag}");

        Assert.Equal(1, byUpperName.Total);
        Assert.Equal(1, byUpperEmail.Total);
        Assert.Equal(1, byUpperCluster.Total);
        Assert.Equal(0, byOldName.Total);
        Assert.Equal($"Hélène Lefèvre {tag}", Assert.Single(byNewName.Items).FullName);
    }

    [Fact]
    public async Task Editing_a_manager_changes_the_account_too()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync();
        var manager = await staff.NewManagerAsync(cluster.Id, language: "nl");
        var newEmail = $"renamed-{Guid.NewGuid():N}@cluster.example";

        var updated = await staff.UpdateManagerAsync(manager.Id, new ManagerRequest(cluster.Id, "Sofie Peeters-Claes", newEmail, "fr")).Expect(HttpStatusCode.OK);

        Assert.Equal(newEmail, updated.Email);
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.users WHERE cluster_manager_id = @id AND email = @email AND preferred_language = 'fr'",
            ("id", manager.Id), ("email", newEmail)) == 1);
    }

    [Fact]
    public async Task A_cluster_manager_gets_403_on_every_directory_endpoint()
    {
        var email = $"m-{Guid.NewGuid():N}@test.local";
        await app.CreateClusterManagerAsync(email);
        using var manager = await app.SignedInClientAsync(email, TestAccounts.Password);
        var id = Guid.NewGuid();

        var calls = new (HttpMethod, string)[]
        {
            (HttpMethod.Get, "/api/clusters"), (HttpMethod.Post, "/api/clusters"), (HttpMethod.Get, $"/api/clusters/{id}"), (HttpMethod.Put, $"/api/clusters/{id}"),
            (HttpMethod.Get, "/api/cluster-managers"), (HttpMethod.Post, "/api/cluster-managers"), (HttpMethod.Get, $"/api/cluster-managers/{id}"),
            (HttpMethod.Put, $"/api/cluster-managers/{id}"), (HttpMethod.Post, $"/api/cluster-managers/{id}/deactivate"),
            (HttpMethod.Post, $"/api/cluster-managers/{id}/resend-invitation"), (HttpMethod.Post, "/api/cluster-managers/import?dryRun=true"),
            (HttpMethod.Post, "/api/staff"), (HttpMethod.Get, "/api/notifications"),
        };
        foreach (var (method, path) in calls)
        {
            HttpContent content = path.Contains("/import", StringComparison.Ordinal)
                ? new StringContent("cluster,fullName,email,preferredLanguage\n", System.Text.Encoding.UTF8, "text/csv")
                : JsonContent.Create(new { });
            var response = await manager.SendAsync(new HttpRequestMessage(method, path) { Content = content });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }
    }
}
