namespace LearningNetwork.Host.Ui;

internal static class UiTextTranslations
{
    public static readonly Dictionary<string, string> Dutch = new(StringComparer.Ordinal);

    public static readonly Dictionary<string, string> French = new(StringComparer.Ordinal);
}
