namespace LearningNetwork.Accounts.Features.Shared;

/// <summary>How a reset request's email address is protected in the outbox (ForgotPassword writes, SendPasswordResetLink reads).</summary>
internal static class ResetRequests
{
    public const string ProtectionPurpose = "LearningNetwork.Accounts.PasswordResetAsked";
}
