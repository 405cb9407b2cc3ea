using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.ChangeStaffRoles;

/// <summary>
/// An Admin makes a colleague Admin (["Admin"]) or plain Staff (["Staff"]). The last active Admin
/// keeps the role, however the requests interleave; a demoted Admin loses the rights within
/// seconds on every host, cookie or token.
/// </summary>
internal sealed record ChangeStaffRoles(Guid UserId, IReadOnlyList<string>? Roles) : IRequest<StaffMember>;

/// <summary>The body of PUT /api/staff/{id}/roles.</summary>
internal sealed record ChangeStaffRolesBody(IReadOnlyList<string>? Roles);

internal sealed class ChangeStaffRolesValidator : AbstractValidator<ChangeStaffRoles>
{
    private static readonly string[] Allowed = [BuildingBlocks.Security.Roles.Admin, BuildingBlocks.Security.Roles.Staff];

    public ChangeStaffRolesValidator() =>
        RuleFor(x => x.Roles).NotEmpty().WithMessage("Give the roles: [\"Admin\"] or [\"Staff\"].")
            .Must(roles => roles!.All(r => Allowed.Contains(r, StringComparer.Ordinal))).WithMessage("A staff member's roles are Admin and Staff.")
            .When(x => x.Roles is { Count: > 0 }, ApplyConditionTo.CurrentValidator);
}

internal sealed class ChangeStaffRolesHandler(
    AccountsDbContext db, UserManager<UserAccount> users, ActiveAccounts activeAccounts, ICurrentUser currentUser, IMediator mediator)
    : IRequestHandler<ChangeStaffRoles, StaffMember>
{
    public async Task<StaffMember> Handle(ChangeStaffRoles request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.UserId ?? throw new ForbiddenException("No user is signed in.");
        var wantAdmin = request.Roles!.Contains(Roles.Admin, StringComparer.Ordinal);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var (member, changed) = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await AdminGuard.LockAsync(db, cancellationToken);
                var user = await users.FindByIdAsync(request.UserId.ToString());
                if (user is null || !await users.IsInRoleAsync(user, Roles.Staff))
                {
                    throw new NotFoundException("Staff member", request.UserId);
                }

                // Checked again under the lock: an Admin demoted a moment ago may still carry the role in a cached sign-in.
                if (!await AdminGuard.IsActiveAdminAsync(db, callerId, cancellationToken))
                {
                    throw new ForbiddenException("Only an Admin changes staff roles.");
                }

                var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
                if (wantAdmin == isAdmin)
                {
                    return (StaffMember.From(user, isAdmin), false);
                }

                if (wantAdmin)
                {
                    if (!user.IsActive)
                    {
                        throw new ConflictException("A deactivated account cannot be made Admin.");
                    }

                    Check(await users.AddToRoleAsync(user, Roles.Admin));
                }
                else
                {
                    if (await AdminGuard.OtherActiveAdminsAsync(db, user.Id, cancellationToken) == 0)
                    {
                        throw AdminGuard.LastAdmin();
                    }

                    Check(await users.RemoveFromRoleAsync(user, Roles.Admin));
                }

                await transaction.CommitAsync(cancellationToken);
                return (StaffMember.From(user, wantAdmin), true);
            });
            if (changed)
            {
                activeAccounts.Forget(request.UserId);
                await mediator.Send(new Contracts.RecordAuditEntry(callerId, wantAdmin ? AuditActions.AdminGranted : AuditActions.AdminWithdrawn, "StaffMember", request.UserId,
                    wantAdmin ? "Roles now Admin, Staff" : "Roles now Staff"), cancellationToken);
            }

            return member;
        }
        catch (Exception e) when (AdminGuard.IsLastAdminRefusal(e))
        {
            throw AdminGuard.LastAdmin();
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
