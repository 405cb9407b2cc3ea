using System.Net;
using LearningNetwork.Testing;
using UglyToad.PdfPig;

namespace LearningNetwork.Reports.Tests;

/// <summary>Certificates of attendance, read back as text from the PDF.</summary>
public sealed class CertificateTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Theory]
    [InlineData("nl", "Attest van deelname", "heeft deelgenomen aan", "Duur: 1,5 uur")]
    [InlineData("fr", "Attestation de participation", "a participé à", "Durée : 1,5 heures")]
    [InlineData("en", "Certificate of attendance", "attended", "Duration: 1.5 hours")]
    public async Task A_certificate_names_the_person_the_cluster_and_the_session_in_their_language(string language, string title, string attended, string duration)
    {
        using var staff = await app.StaffClientAsync();
        var history = new History(app, staff);
        var cluster = await history.ClusterAsync("Clüster Économie", "InnovativeBusinessNetwork");
        var manager = await history.ManagerAsync(cluster, "Zoë Çelik-Vandenbroucke", language);
        var session = await history.SessionAsync("Subsidieregels für Cluster", "2027-03-02T14:00", "2027-03-02T15:30");
        var enrollment = await history.EnrollAsync(session, manager, "Attended");

        var response = await staff.GetAsync($"/api/enrollments/{enrollment}/certificate.pdf");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains("Zoë Çelik-Vandenbroucke", text, StringComparison.Ordinal);
        Assert.Contains(history.Name("Clüster Économie"), text, StringComparison.Ordinal);
        Assert.Contains(attended, text, StringComparison.Ordinal);
        Assert.Contains(history.Name("Subsidieregels für Cluster"), text, StringComparison.Ordinal);
        Assert.Contains(duration, text, StringComparison.Ordinal);
        Assert.Contains("2027", text, StringComparison.Ordinal);
        Assert.Contains("14:00–15:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_attended_enrollment_gets_a_certificate_and_only_its_enrollee_or_staff_see_it()
    {
        using var staff = await app.StaffClientAsync();
        var (me, client) = await app.SignedInDirectoryManagerAsync(staff);
        var (other, otherClient) = await app.SignedInDirectoryManagerAsync(staff);
        var history = new History(app, staff);
        var session = await history.SessionAsync("Workshop", "2027-05-04T09:00", "2027-05-04T12:00");
        var mine = await history.EnrollAsync(session, me, "Attended");
        var absent = await history.EnrollAsync(session, other, "Absent");

        await (await client.GetAsync($"/api/enrollments/{mine}/certificate.pdf")).ShouldBe(HttpStatusCode.OK);
        await (await otherClient.GetAsync($"/api/enrollments/{mine}/certificate.pdf")).ShouldBe(HttpStatusCode.NotFound);
        await (await otherClient.GetAsync($"/api/enrollments/{absent}/certificate.pdf")).ShouldBe(HttpStatusCode.Conflict);
        await (await staff.GetAsync($"/api/enrollments/{Guid.NewGuid()}/certificate.pdf")).ShouldBe(HttpStatusCode.NotFound);

        var certificates = await client.Typed().GetMyCertificatesAsync().Expect(HttpStatusCode.OK);
        var certificate = Assert.Single(certificates);
        Assert.Equal((mine, session, 3.0), (certificate.EnrollmentId, certificate.SessionId, certificate.Hours));
        Assert.Empty(await otherClient.Typed().GetMyCertificatesAsync().Expect(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_learning_network_certificate_lists_every_attended_meeting_with_the_total_hours()
    {
        using var staff = await app.StaffClientAsync();
        var (me, client) = await app.SignedInDirectoryManagerAsync(staff);
        var (other, otherClient) = await app.SignedInDirectoryManagerAsync(staff);
        var api = staff.Typed();
        var network = await api.NewNetworkAsync("MembersOnly", name: $"Circulaire economie {Guid.NewGuid():N}"[..28]);
        await api.AddMembersAsync(network.Id, [me, other]);
        var first = await api.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 10);
        var second = await api.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 40);
        var third = await api.PublishedMeetingAsync(network.Id, capacity: 10, daysAhead: 70);
        await Eventually.TrueAsync(async () => (await api.ParticipantsAsync(third)).Count == 2);
        foreach (var (meeting, mark) in new[] { (first, "Attended"), (second, "Absent"), (third, "Attended") })
        {
            var enrollment = (await api.ParticipantsAsync(meeting)).Single(p => p.ClusterManagerId == me);
            await api.RecordAttendanceAsync(meeting, [(enrollment.Id, mark)]).Expect(HttpStatusCode.NoContent);
        }

        var response = await client.GetAsync($"/api/learning-networks/{network.Id}/members/{me}/certificate.pdf");

        await response.ShouldBe(HttpStatusCode.OK);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(network.Name, text, StringComparison.Ordinal);
        var titles = (await api.NetworkAsync(network.Id)).Meetings.ToDictionary(m => m.SessionId, m => m.Title);
        Assert.Contains(titles[first], text, StringComparison.Ordinal);
        Assert.DoesNotContain(titles[second], text, StringComparison.Ordinal);
        Assert.Contains(titles[third], text, StringComparison.Ordinal);
        Assert.Contains("Totaal: 4 uur", text, StringComparison.Ordinal);
        await (await otherClient.GetAsync($"/api/learning-networks/{network.Id}/members/{me}/certificate.pdf")).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.GetAsync($"/api/learning-networks/{network.Id}/members/{other}/certificate.pdf")).ShouldBe(HttpStatusCode.Conflict);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
