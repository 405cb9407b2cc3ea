namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>The two roles of the system and the authorization policies built on them.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string ClusterManager = "ClusterManager";
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string ClusterManager = "ClusterManager";
}

/// <summary>Claim types the Accounts module puts into every sign-in (cookie or bearer token).</summary>
public static class LearningNetworkClaims
{
    public const string ClusterManagerId = "ln:cluster_manager_id";
    public const string PreferredLanguage = "ln:preferred_language";
}
