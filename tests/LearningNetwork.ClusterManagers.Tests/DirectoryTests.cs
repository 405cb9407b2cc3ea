using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

public sealed class DirectoryTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Staff_create_read_and_update_a_cluster()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync("Blue Economy " + Guid.NewGuid().ToString("N")[..6]);

        var updated = await (await staff.PutAsJsonAsync($"/api/clusters/{cluster.Id()}", new
        {
            name = cluster.GetProperty("name").GetString(),
            type = "InnovativeBusinessNetwork",
            fundingStart = "2023-01-01",
            fundingEnd = "2025-12-31",
            memberCompanies = 30,
            postFundingPlan = "JoinSpearheadCluster",
        })).Json(HttpStatusCode.OK);
        var read = await staff.GetFromJsonAsync<JsonElement>($"/api/clusters/{cluster.Id()}");

        Assert.Equal("InnovativeBusinessNetwork", updated.GetProperty("type").GetString());
        Assert.Equal("JoinSpearheadCluster", read.GetProperty("postFundingPlan").GetString());
        Assert.Equal("2025-12-31", read.GetProperty("fundingEnd").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("domain").ValueKind);
    }

    [Fact]
    public async Task A_cluster_name_is_unique_whatever_its_case()
    {
        using var staff = await app.StaffClientAsync();
        var name = "Chemie Hub " + Guid.NewGuid().ToString("N")[..6];
        await staff.CreateClusterAsync(name);

        var response = await staff.PostAsJsonAsync("/api/clusters", new { name = name.ToUpperInvariant(), type = "SpearheadCluster" });

        await response.ShouldBe(HttpStatusCode.Conflict);
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
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();

        await (await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId = Guid.NewGuid(), fullName = "A", email = "a@b.be", preferredLanguage = "nl" })).ShouldNameInvalidField("clusterId");
        await (await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId = cluster.Id(), fullName = "A", email = "not-an-email", preferredLanguage = "nl" })).ShouldNameInvalidField("email");
        await (await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId = cluster.Id(), fullName = "A", email = "a@b.be", preferredLanguage = "de" })).ShouldNameInvalidField("preferredLanguage");
        await (await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId = cluster.Id(), email = "a@b.be", preferredLanguage = "nl" })).ShouldNameInvalidField("fullName");
    }

    [Fact]
    public async Task An_email_already_in_use_is_a_409_whether_a_manager_or_staff_has_it()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var email = $"taken-{Guid.NewGuid():N}@cluster.example";
        await staff.CreateManagerAsync(cluster.Id(), email);

        var twice = await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId = cluster.Id(), fullName = "B", email = email.ToUpperInvariant(), preferredLanguage = "en" });
        var staffEmail = await staff.PostAsJsonAsync("/api/cluster-managers", new { clusterId = cluster.Id(), fullName = "C", email = LearningNetworkApp.StaffEmail, preferredLanguage = "en" });

        await twice.ShouldBe(HttpStatusCode.Conflict);
        await staffEmail.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Managers_are_found_by_name_email_or_cluster_and_paged()
    {
        using var staff = await app.StaffClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cluster = await staff.CreateClusterAsync($"Zoekcluster {tag}");
        var other = await staff.CreateClusterAsync();
        await staff.CreateManagerAsync(cluster.Id(), $"an.{tag}@one.example", fullName: "An Willems");
        await staff.CreateManagerAsync(cluster.Id(), $"bert.{tag}@two.example", fullName: "Bert Maes");
        await staff.CreateManagerAsync(other.Id(), $"carl.{tag}@three.example", fullName: $"Carl {tag}");

        var byCluster = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?clusterId={cluster.Id()}");
        var byEmail = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search=bert.{tag}");
        var byClusterName = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search=zoekcluster%20{tag}");
        var page2 = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search={tag}&page=2&pageSize=2");

        Assert.Equal(2, byCluster.GetProperty("total").GetInt32());
        Assert.Equal("Bert Maes", Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("fullName").GetString());
        Assert.Equal(2, byClusterName.GetProperty("total").GetInt32());
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        Assert.Single(page2.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_search_ignores_case_also_in_accented_names_and_follows_a_rename()
    {
        using var staff = await app.StaffClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cluster = await staff.CreateClusterAsync($"Élan {tag}");
        var manager = await staff.CreateManagerAsync(cluster.Id(), $"helene.{tag}@one.example", fullName: $"Hélène Œuvray {tag}");

        var byUpperName = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search={Uri.EscapeDataString($"HÉLÈNE ŒUVRAY {tag}")}");
        var byUpperEmail = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search={Uri.EscapeDataString($"HELENE.{tag.ToUpperInvariant()}@ONE")}");
        var byUpperCluster = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search={Uri.EscapeDataString($"ÉLAN {tag}")}");
        (await staff.PutAsJsonAsync($"/api/cluster-managers/{manager.Id()}", new
        {
            clusterId = cluster.Id(), fullName = $"Hélène Lefèvre {tag}", email = $"helene.{tag}@one.example", preferredLanguage = "fr",
        })).EnsureSuccessStatusCode();
        var byOldName = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search={Uri.EscapeDataString($"œuvray {tag}")}");
        var byNewName = await staff.GetFromJsonAsync<JsonElement>($"/api/cluster-managers?search={Uri.EscapeDataString($"LEFÈVRE {tag}")}");

        Assert.Equal(1, byUpperName.GetProperty("total").GetInt32());
        Assert.Equal(1, byUpperEmail.GetProperty("total").GetInt32());
        Assert.Equal(1, byUpperCluster.GetProperty("total").GetInt32());
        Assert.Equal(0, byOldName.GetProperty("total").GetInt32());
        Assert.Equal($"Hélène Lefèvre {tag}", Assert.Single(byNewName.GetProperty("items").EnumerateArray()).GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Editing_a_manager_changes_the_account_too()
    {
        using var staff = await app.StaffClientAsync();
        var cluster = await staff.CreateClusterAsync();
        var manager = await staff.CreateManagerAsync(cluster.Id(), language: "nl");
        var newEmail = $"renamed-{Guid.NewGuid():N}@cluster.example";

        var updated = await (await staff.PutAsJsonAsync($"/api/cluster-managers/{manager.Id()}", new
        {
            clusterId = cluster.Id(), fullName = "Sofie Peeters-Claes", email = newEmail, preferredLanguage = "fr",
        })).Json(HttpStatusCode.OK);

        Assert.Equal(newEmail, updated.GetProperty("email").GetString());
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM accounts.users WHERE cluster_manager_id = @id AND email = @email AND preferred_language = 'fr'",
            ("id", Guid.Parse(manager.Id())), ("email", newEmail)) == 1);
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
