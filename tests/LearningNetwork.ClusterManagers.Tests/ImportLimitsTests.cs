using System.Net;
using System.Text;
using LearningNetwork.Testing;

namespace LearningNetwork.ClusterManagers.Tests;

/// <summary>The CSV import's body and rows are capped, however the body arrives.</summary>
public sealed class ImportLimitsTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_chunked_body_over_the_cap_is_refused_with_413()
    {
        using var staff = await app.StaffClientAsync();
        var line = Encoding.UTF8.GetBytes("Cluster,Someone,someone@example.org,nl\n");
        var body = new MemoryStream();
        body.Write("cluster,fullName,email,preferredLanguage\n"u8);
        while (body.Length < 21 * 1024 * 1024)
        {
            body.Write(line);
        }

        body.Position = 0;
        // A stream of unknown length: sent chunked, with no Content-Length to check first.
        var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new("text/csv");

        var response = await staff.PostAsync("/api/cluster-managers/import?dryRun=true", content);

        await response.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task More_rows_than_the_cap_are_refused_before_anything_is_looked_up()
    {
        using var staff = await app.StaffClientAsync();
        var csv = new StringBuilder("cluster,fullName,email,preferredLanguage\n");
        for (var i = 0; i < 5001; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Cluster,Manager {i},m{i}@example.org,nl\n");
        }

        var result = await (await staff.PostAsync("/api/cluster-managers/import?dryRun=true", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).Json(HttpStatusCode.OK);

        Assert.Contains("at most 5000", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_plain_body_is_refused_as_a_cross_site_form_could_send_it()
    {
        using var staff = await app.StaffClientAsync();

        var response = await staff.PostAsync("/api/cluster-managers/import", new StringContent("cluster,fullName,email,preferredLanguage\n", Encoding.UTF8, "text/plain"));

        await response.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    private sealed class UnknownLengthStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
