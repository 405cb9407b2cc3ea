namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>
/// A secret that must reach an email (an activation token) travels protected with this data
/// protection purpose through the outbox and the send log, and is unprotected only to render
/// the email: neither table holds it in the clear.
/// </summary>
public static class EmailSecrets
{
    public const string ProtectionPurpose = "LearningNetwork.EmailSecrets.v1";
}
