namespace LearningNetwork.Reports.Contracts;

/// <summary>
/// The Reports module keeps no data of its own: it answers from the other modules' Contracts
/// and asks nothing of them that they do not already offer. Nothing is asked of it yet; this
/// project is where its questions will live, like every module's.
/// </summary>
public static class ReportsModuleInfo
{
    public const string Name = "Reports";
}
