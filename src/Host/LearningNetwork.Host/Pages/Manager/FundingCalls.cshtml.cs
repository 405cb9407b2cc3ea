using LearningNetwork.Host.Ui;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>The funding calls a manager's cluster may apply to: open ones with their deadlines counting down, closed ones below.</summary>
public sealed class FundingCallsModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    public IReadOnlyList<FundingCallView> Open { get; private set; } = [];

    public IReadOnlyList<FundingCallView> Closed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var calls = (await Api.GetFundingCallsAsync()).Value?.Items ?? [];
        Open = calls.Where(c => c.Status == "Published").ToList();
        Closed = calls.Where(c => c.Status == "Closed").OrderByDescending(c => c.DeadlineAt).ToList();
    }

    /// <summary>Whole days until the deadline (0 on its last day).</summary>
    public int DaysLeft(FundingCallView call) => Math.Max(0, (int)Math.Floor((call.DeadlineAt - clock.GetUtcNow().UtcDateTime).TotalDays));
}
