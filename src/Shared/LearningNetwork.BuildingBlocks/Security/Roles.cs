namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>
/// The roles of the system and the authorization policies built on them. An Admin also holds
/// Staff: every Staff right, plus staff accounts and their roles, erasure and the audit log.
/// </summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string ClusterManager = "ClusterManager";
}

public static class Policies
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string ClusterManager = "ClusterManager";
}

/// <summary>Claim types the Accounts module puts into every sign-in (cookie or bearer token).</summary>
public static class LearningNetworkClaims
{
    public const string ClusterManagerId = "ln:cluster_manager_id";
    public const string PreferredLanguage = "ln:preferred_language";
}
