namespace LearningNetwork.WebUi.Tests;

/// <summary>
/// The browser journeys run in four collections side by side, each on a host and a Chromium of
/// its own (its own database, SMTP server and port): within a collection the classes take turns,
/// so a test has its browser and SMTP server to itself, while the collections together keep both
/// cores busy where one journey after another mostly waited. A journey class names its collection
/// with <c>[Collection(BrowserCollections.X)]</c>; the collections are balanced by how long their
/// journeys take, the longest (every staff page in three languages) with only short ones beside it.
/// xunit.runner.json lets three of them (or the single sign-on journeys' own host) run at once:
/// with five at once beside test.sh's other lanes, on a busy machine pages took longer than the
/// 15 s a step may take.
/// </summary>
public static class BrowserCollections
{
    public const string A = "Browser journeys A";
    public const string B = "Browser journeys B";
    public const string C = "Browser journeys C";
    public const string D = "Browser journeys D";
}

[CollectionDefinition(BrowserCollections.A)]
public sealed class BrowserJourneysA : ICollectionFixture<BrowserApp>;

[CollectionDefinition(BrowserCollections.B)]
public sealed class BrowserJourneysB : ICollectionFixture<BrowserApp>;

[CollectionDefinition(BrowserCollections.C)]
public sealed class BrowserJourneysC : ICollectionFixture<BrowserApp>;

[CollectionDefinition(BrowserCollections.D)]
public sealed class BrowserJourneysD : ICollectionFixture<BrowserApp>;
