using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Text;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Xunit.Abstractions;

namespace LearningNetwork.ClusterManagers.Tests;

public sealed class ImportTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    /// <summary>The file's bytes: UTF-8, with the byte order mark a spreadsheet writes when asked.</summary>
    private static byte[] Csv(string text, bool bom = false) => [.. new UTF8Encoding(bom).GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task A_dry_run_reports_every_bad_line_with_its_field_and_writes_nothing()
    {
        var staff = await app.StaffApiAsync();
        var name = (await staff.NewClusterAsync($"Import Cluster {Guid.NewGuid():N}")).Name;
        var before = await CountManagers();
        var csv = $"""
            cluster,fullName,email,preferredLanguage,phone
            {name},Goede Regel,goed-{Guid.NewGuid():N}@ok.example,nl,
            Onbekende Cluster,Jan,jan@ok.example,nl,
            {name},Piet,geen-email,en,
            {name},Dubbel Een,dubbel@ok.example,fr,
            {name},Dubbel Twee,DUBBEL@ok.example,fr,
            {name},Taal,taal@ok.example,de,
            """;

        var result = await staff.ImportManagersAsync(Csv(csv), dryRun: true).Expect(HttpStatusCode.OK);

        var errors = result.Errors.Select(e => (e.Line, e.Field)).ToList();
        Assert.Equal([(3, "cluster"), (4, "email"), (6, "email"), (7, "preferredLanguage")], errors);
        Assert.Equal(before, await CountManagers());
    }

    [Fact]
    public async Task A_real_run_with_one_bad_line_writes_nothing_at_all()
    {
        var staff = await app.StaffApiAsync();
        var name = (await staff.NewClusterAsync($"Import Cluster {Guid.NewGuid():N}")).Name;
        var before = await CountManagers();
        var csv = $"cluster,fullName,email,preferredLanguage\n{name},Ok,ok-{Guid.NewGuid():N}@ok.example,nl\n{name},Bad,bad,nl\n";

        var result = await staff.ImportManagersAsync(Csv(csv), dryRun: false).Expect(HttpStatusCode.OK);

        Assert.Single(result.Errors);
        Assert.Equal(before, await CountManagers());
    }

    [Fact]
    public async Task A_Belgian_spreadsheet_export_with_semicolons_BOM_and_quotes_imports_and_invites_only_new_managers()
    {
        var staff = await app.StaffApiAsync();
        var cluster = await staff.NewClusterAsync($"Voeding; \"Food\" {Guid.NewGuid():N}");
        var name = cluster.Name;
        var existingEmail = $"bestaand-{Guid.NewGuid():N}@food.example";
        var existing = await staff.NewManagerAsync(cluster.Id, existingEmail, language: "nl", fullName: "Oude Naam");
        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == existingEmail));
        var newEmail = $"nieuw-{Guid.NewGuid():N}@food.example";
        var quotedName = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = $"cluster;fullName;email;preferredLanguage;phone\r\n{quotedName};\"Dupont, Marie\";{newEmail};FR;\"+32 9 \"\"123\"\"\"\r\n{quotedName};Nieuwe Naam;{existingEmail};nl;\r\n";

        var preview = await staff.ImportManagersAsync(Csv(csv, bom: true), dryRun: true).Expect(HttpStatusCode.OK);
        var result = await staff.ImportManagersAsync(Csv(csv, bom: true), dryRun: false).Expect(HttpStatusCode.OK);

        // The dry run names each person and what will happen to them, with the cluster as it is listed.
        Assert.Equal(
            [(2, "Dupont, Marie", newEmail, name, "Created"), (3, "Nieuwe Naam", existingEmail, name, "Updated")],
            preview.People.Select(p => (p.Line, p.FullName, p.Email, p.ClusterName, p.Action)).ToList());
        Assert.Empty(result.Errors);
        Assert.Equal((1, 1), (result.Created, result.Updated));
        var list = await staff.GetManagersAsync(new ManagerQuery(ClusterId: cluster.Id)).Expect(HttpStatusCode.OK);
        var marie = list.Items.Single(m => m.Email == newEmail);
        Assert.Equal("Dupont, Marie", marie.FullName);
        Assert.Equal("fr", marie.PreferredLanguage);
        Assert.Equal("+32 9 \"123\"", marie.Phone);
        Assert.Equal("Nieuwe Naam", (await staff.GetManagerAsync(existing.Id).Expect(HttpStatusCode.OK)).FullName);

        var invitation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == newEmail));
        Assert.Contains("Activer le compte", invitation.HtmlBody);
        await Task.Delay(500);
        Assert.Single(app.Smtp.To(existingEmail)); // the first invitation only: an update sends nothing
    }

    [Fact]
    public async Task An_Excel_CSV_in_Windows_1252_keeps_its_accents_and_a_file_of_neither_encoding_is_refused()
    {
        var staff = await app.StaffApiAsync();
        var name = (await staff.NewClusterAsync($"Économie circulaire {Guid.NewGuid():N}")).Name;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var people = new[] { "Hélène Mercier", "Adèle Lefèvre", "Œdipe Cœur" };
        var text = "cluster;fullName;email;preferredLanguage\r\n" + string.Concat(people.Select((p, i) => $"{name};{p};p{i}.{tag}@cluster.example;fr\r\n"));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var windows1252 = System.Text.Encoding.GetEncoding(1252).GetBytes(text);
        Assert.Contains((byte)0xE9, windows1252); // é as one byte, not UTF-8's two
        Assert.Contains((byte)0x9C, windows1252); // œ

        var result = await staff.ImportManagersAsync(windows1252, dryRun: false).Expect(HttpStatusCode.OK);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Created);
        var stored = await app.Database.ScalarAsync<string>(
            "SELECT string_agg(full_name, '|' ORDER BY email) FROM cluster_managers.managers WHERE email LIKE @e", ("e", $"%.{tag}@cluster.example"));
        Assert.Equal(string.Join('|', people), stored);
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM cluster_managers.managers WHERE strpos(full_name, chr(65533)) > 0"));

        // UTF-16 (NUL bytes) and bytes Windows-1252 does not define: refused, saying how to save the file.
        foreach (var bytes in new[] { System.Text.Encoding.Unicode.GetBytes(text), [.. windows1252, 0x81, 0x0D, 0x0A] })
        {
            var problem = await staff.ImportManagersAsync(bytes, dryRun: true).ExpectProblem(HttpStatusCode.BadRequest);
            Assert.Contains("CSV UTF-8", problem.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_reported_on_line_one()
    {
        var staff = await app.StaffApiAsync();

        var result = await staff.ImportManagersAsync(Csv("name,mail\nx,y\n"), dryRun: true).Expect(HttpStatusCode.OK);

        var fields = result.Errors.Select(e => e.Field).ToList();
        Assert.Contains("cluster", fields);
        Assert.Contains("email", fields);
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_reported_on_the_line_where_it_opens()
    {
        var staff = await app.StaffApiAsync();

        var result = await staff.ImportManagersAsync(
            Csv("cluster,fullName,email,preferredLanguage\nA,Ann,ann@x.example,nl\nA,\"Bart,bart@x.example,nl\nA,Cis,cis@x.example,nl\n"), dryRun: true).Expect(HttpStatusCode.OK);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "file"), (error.Line, error.Field));
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_CSV_is_a_415()
    {
        using var staff = await app.StaffClientAsync();

        var response = await staff.PostAsync("/api/cluster-managers/import", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private Task<long> CountManagers() => app.Database.ScalarAsync<long>("SELECT count(*) FROM cluster_managers.managers");
}

/// <summary>On a host of its own: the 5,000 invitations it causes must not slow the other tests.</summary>
public sealed class BulkImportTests(LearningNetworkApp app, ITestOutputHelper output) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task Five_thousand_rows_import_in_seconds()
    {
        var staff = await app.StaffApiAsync();
        var name = (await staff.NewClusterAsync($"Grote Cluster {Guid.NewGuid():N}")).Name;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("cluster;fullName;email;preferredLanguage;phone\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{name};Manager {i};m{i}.{tag}@bulk.example;{(i % 3 == 0 ? "fr" : "nl")};+32 2 {i:0000}\n");
        }

        var dry = Stopwatch.StartNew();
        var dryResult = await staff.ImportManagersAsync(Encoding.UTF8.GetBytes(csv.ToString()), dryRun: true).Expect(HttpStatusCode.OK);
        dry.Stop();
        var real = Stopwatch.StartNew();
        var result = await staff.ImportManagersAsync(Encoding.UTF8.GetBytes(csv.ToString()), dryRun: false).Expect(HttpStatusCode.OK);
        real.Stop();
        output.WriteLine($"5000 rows: dry run {dry.ElapsedMilliseconds} ms, real run {real.ElapsedMilliseconds} ms");

        Assert.Equal(5000, dryResult.Created);
        Assert.Equal(5000, result.Created);
        Assert.Equal(5000, await app.Database.ScalarAsync<long>("SELECT count(*) FROM cluster_managers.managers WHERE email LIKE @p", ("p", $"%.{tag}@bulk.example")));
    }
}
