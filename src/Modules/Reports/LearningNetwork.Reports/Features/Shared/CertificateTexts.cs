using System.Globalization;

namespace LearningNetwork.Reports.Features.Shared;

/// <summary>What a certificate says, in the manager's language (nl, en or fr; anything else reads English).</summary>
internal sealed record CertificateTexts(
    string Title, string Certifies, string OfCluster, string AttendedSession, string AttendedNetwork, string Duration, string Total, string Issued, string Reference,
    CultureInfo Culture)
{
    private static readonly CertificateTexts Dutch = new(
        "Attest van deelname", "{0} verklaart dat", "van {0}", "heeft deelgenomen aan", "heeft deelgenomen aan deze bijeenkomsten van het lerend netwerk {0}:",
        "Duur: {0} uur", "Totaal: {0} uur", "Uitgereikt op {0}", "Referentie: {0}", CultureInfo.GetCultureInfo("nl-BE"));

    private static readonly CertificateTexts French = new(
        "Attestation de participation", "{0} atteste que", "de {0}", "a participé à", "a participé à ces réunions du réseau d'apprentissage {0} :",
        "Durée : {0} heures", "Total : {0} heures", "Délivrée le {0}", "Référence : {0}", CultureInfo.GetCultureInfo("fr-BE"));

    private static readonly CertificateTexts English = new(
        "Certificate of attendance", "{0} certifies that", "of {0}", "attended", "attended these meetings of the learning network {0}:",
        "Duration: {0} hours", "Total: {0} hours", "Issued on {0}", "Reference: {0}", CultureInfo.GetCultureInfo("en-GB"));

    public static CertificateTexts For(string language) => language switch
    {
        "nl" => Dutch,
        "fr" => French,
        _ => English,
    };

    public string Hours(double hours) => hours.ToString("0.##", Culture);

    /// <summary>"dinsdag 2 februari 2027, 14:00–16:00": the session's time in its own zone.</summary>
    public string When(DateTimeOffset startsAt, DateTimeOffset endsAt, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var from = TimeZoneInfo.ConvertTime(startsAt, zone);
        var to = TimeZoneInfo.ConvertTime(endsAt, zone);
        return $"{from.ToString("dddd d MMMM yyyy", Culture)}, {from.ToString("HH:mm", Culture)}–{to.ToString("HH:mm", Culture)}";
    }

    public string Day(DateTimeOffset instant) => instant.ToString("d MMMM yyyy", Culture);
}
