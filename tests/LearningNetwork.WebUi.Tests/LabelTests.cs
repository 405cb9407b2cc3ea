using System.Globalization;
using System.Xml.Linq;
using LearningNetwork.Host.Ui;
using LearningNetwork.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// Every code the API answers with and a page shows has a label in English, Dutch and French in
/// the UI's resource files (Resources/Ui/UiText{,.nl,.fr}.resx, key "Vocabulary.Code"),
/// checked against the API's own enums: a new session kind or email kind without a label fails here
/// rather than showing "LearningNetworkMeeting" to people.
/// </summary>
public sealed class LabelTests
{
    /// <summary>Where each vocabulary's codes come from: the module's enum, plus codes the API adds to it.</summary>
    private static readonly Dictionary<Vocabulary, (string Enum, string[] Added)> Sources = new()
    {
        [Vocabulary.SessionKind] = ("LearningNetwork.Sessions.Contracts.SessionKind, LearningNetwork.Sessions.Contracts", []),
        [Vocabulary.SessionStatus] = ("LearningNetwork.Sessions.Domain.SessionStatus, LearningNetwork.Sessions", []),
        [Vocabulary.EnrollmentStatus] = ("LearningNetwork.Enrollments.Contracts.EnrollmentStatus, LearningNetwork.Enrollments.Contracts", []),
        [Vocabulary.Attendance] = ("LearningNetwork.Enrollments.Contracts.Attendance, LearningNetwork.Enrollments.Contracts", []),
        [Vocabulary.AttendanceMark] = ("LearningNetwork.LearningNetworks.Features.NetworkAttendance.AttendanceMark, LearningNetwork.LearningNetworks", []),
        [Vocabulary.ClusterType] = ("LearningNetwork.ClusterManagers.Domain.ClusterType, LearningNetwork.ClusterManagers", []),
        [Vocabulary.PostFundingPlan] = ("LearningNetwork.ClusterManagers.Domain.PostFundingPlan, LearningNetwork.ClusterManagers", []),
        [Vocabulary.FundingStatus] = ("LearningNetwork.ClusterManagers.Contracts.FundingStatus, LearningNetwork.ClusterManagers.Contracts", []),
        [Vocabulary.EmailKind] = ("LearningNetwork.Notifications.Contracts.EmailKind, LearningNetwork.Notifications.Contracts", []),
        [Vocabulary.EmailStatus] = ("LearningNetwork.Notifications.Domain.EmailStatus, LearningNetwork.Notifications", []),
        [Vocabulary.GuidelineStatus] = ("LearningNetwork.GuidelineDocuments.Domain.GuidelineStatus, LearningNetwork.GuidelineDocuments", []),
        // A published call whose deadline passed reads as Closed in the API.
        [Vocabulary.FundingCallStatus] = ("LearningNetwork.FundingCalls.Contracts.FundingCallState, LearningNetwork.FundingCalls.Contracts", ["Closed"]),
        [Vocabulary.ManagerStatus] = ("LearningNetwork.ClusterManagers.Features.Shared.ManagerStatus, LearningNetwork.ClusterManagers", []),
        [Vocabulary.NetworkMembership] = ("LearningNetwork.LearningNetworks.Contracts.NetworkMembership, LearningNetwork.LearningNetworks.Contracts", []),
    };

    /// <summary>The codes of every vocabulary, as the API writes them: an enum's names, or a class's string constants.</summary>
    public static IEnumerable<string> Codes(Vocabulary vocabulary)
    {
        var (typeName, added) = Sources[vocabulary];
        var type = Type.GetType(typeName, throwOnError: true)!;
        var codes = type.IsEnum
            ? Enum.GetNames(type)
            : type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        return codes.Concat(added);
    }

    /// <summary>Codes of two or more words ("WaitlistPromoted"): these never read as words, so no page may show them.</summary>
    public static IReadOnlyList<string> CodeNames() =>
        Enum.GetValues<Vocabulary>().SelectMany(Codes).Where(c => c.Skip(1).Any(char.IsUpper)).Distinct(StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_vocabulary_is_held_against_the_APIs_codes()
    {
        var uncovered = Enum.GetValues<Vocabulary>().Where(v => !Sources.ContainsKey(v)).ToList();
        Assert.True(uncovered.Count == 0, "No source of codes for: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_code_a_page_shows_has_a_label_in_English_Dutch_and_French()
    {
        var missing = new List<string>();
        foreach (var vocabulary in Enum.GetValues<Vocabulary>())
        {
            var labelled = UiText.LabelledCodes[vocabulary];
            foreach (var code in Codes(vocabulary))
            {
                if (!labelled.Contains(code, StringComparer.Ordinal))
                {
                    missing.Add($"{vocabulary}.{code}: no label");
                    continue;
                }

                foreach (var (language, texts) in Texts)
                {
                    var text = texts.GetValueOrDefault(UiText.LabelKey(vocabulary, code));
                    // A label that is the code itself ("SessionAnnounced") is no label; one-word codes may be their own English.
                    if (string.IsNullOrWhiteSpace(text) || (text == code && code.Skip(1).Any(char.IsUpper)))
                    {
                        missing.Add($"{vocabulary}.{code}: no {language} label");
                    }
                }
            }

            var unknown = labelled.Except(Codes(vocabulary), StringComparer.Ordinal).ToList();
            Assert.True(unknown.Count == 0, $"{vocabulary} labels codes the API does not have: {string.Join(", ", unknown)}");
        }

        Assert.True(missing.Count == 0, "Missing labels:\n" + string.Join("\n", missing));
    }

    /// <summary>The host reads a code's label from the resources in the page's language, whatever the code's case; an unknown code shows as it is.</summary>
    [Theory]
    [InlineData("en-GB", "Learning network meeting", "Published", "Published", "Gone")]
    [InlineData("nl-BE", "Bijeenkomst van een lerend netwerk", "Gepubliceerd", "Gepubliceerd", "Gone")]
    [InlineData("fr-BE", "Réunion d'un réseau d'apprentissage", "Publiée", "Publié", "Gone")]
    public void The_host_shows_a_code_by_its_label_in_the_page_language(string culture, string meeting, string publishedSession, string publishedCall, string unknown)
    {
        using var services = new ServiceCollection().AddWebUi(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var text = services.GetRequiredService<UiText>();
        var page = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(
                (meeting, publishedSession, publishedCall, unknown),
                (text.Label(Vocabulary.SessionKind, "LearningNetworkMeeting"), text.Label(Vocabulary.SessionStatus, "published"),
                    text.Label(Vocabulary.FundingCallStatus, "Published"), text.Label(Vocabulary.SessionStatus, "Gone")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = page;
        }
    }

    private static readonly (string Language, Dictionary<string, string> Texts)[] Texts =
        [("en", Resources(string.Empty)), ("nl", Resources(".nl")), ("fr", Resources(".fr"))];

    private static Dictionary<string, string> Resources(string language) =>
        XDocument.Load(Path.Combine(Repository.Root, "src", "Host", "LearningNetwork.Host", "Resources", "Ui", $"UiText{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
}
