using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace LearningNetwork.BuildingBlocks.Security;

/// <summary>Who is asking: what handlers need to decide what the caller may see or do.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    bool IsStaff { get; }

    /// <summary>Set when the caller is a cluster manager linked to a directory entry.</summary>
    Guid? ClusterManagerId { get; }
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsStaff => Principal?.IsInRole(Roles.Staff) == true;

    public Guid? ClusterManagerId => Guid.TryParse(Principal?.FindFirstValue(LearningNetworkClaims.ClusterManagerId), out var id) ? id : null;
}
