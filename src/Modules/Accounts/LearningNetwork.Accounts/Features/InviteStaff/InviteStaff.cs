using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;

namespace LearningNetwork.Accounts.Features.InviteStaff;

/// <summary>A staff member invites a colleague: a staff account and an invitation email.</summary>
internal sealed record InviteStaff(string? Email, string? FullName, string? PreferredLanguage) : IRequest<StaffResponse>;

internal sealed record StaffResponse(Guid UserId, string Email, string FullName, string PreferredLanguage);

internal sealed class InviteStaffValidator : AbstractValidator<InviteStaff>
{
    public InviteStaffValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("The email is required.").MaximumLength(256)
            .EmailAddress().WithMessage("Not a valid email address.");
        RuleFor(x => x.FullName).NotEmpty().WithMessage("The full name is required.").MaximumLength(200);
        RuleFor(x => x.PreferredLanguage).Must(l => l is null || Languages.All.Contains(l)).WithMessage("The language is nl, en or fr.");
    }
}

internal sealed class InviteStaffHandler(InvitedAccounts accounts) : IRequestHandler<InviteStaff, StaffResponse>
{
    public async Task<StaffResponse> Handle(InviteStaff request, CancellationToken cancellationToken)
    {
        var user = await accounts.CreateAsync(request.Email!.Trim(), request.FullName!.Trim(), request.PreferredLanguage ?? Languages.English, Roles.Staff, null, cancellationToken);
        return new StaffResponse(user.Id, user.Email!, user.FullName, user.PreferredLanguage);
    }
}
