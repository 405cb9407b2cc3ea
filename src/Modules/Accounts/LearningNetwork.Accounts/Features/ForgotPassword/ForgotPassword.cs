using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace LearningNetwork.Accounts.Features.ForgotPassword;

/// <summary>
/// Sends a reset link when the address has an active account, and answers the same either
/// way, in the same time: nobody learns from this which addresses have accounts.
/// </summary>
internal sealed record ForgotPassword(string? Email) : IRequest<Unit>;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RuleFor(x => x.Email).NotEmpty().WithMessage("The email is required.").MaximumLength(320)
        .EmailAddress().WithMessage("This is not an email address.");
}

internal sealed class ForgotPasswordHandler(AccountsDbContext db, IDataProtectionProvider protection, IHttpContextAccessor http, TimeProvider clock)
    : IRequestHandler<ForgotPassword, Unit>
{
    public async Task<Unit> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        // The same single write for every address; the lookup, the link and the audit entry follow
        // from the outbox (SendPasswordResetLink).
        var email = protection.CreateProtector(Shared.ResetRequests.ProtectionPurpose).Protect(request.Email!.Trim());
        OutboxModel.Add(db.OutboxMessages, new PasswordResetAsked(email, http.HttpContext is { } context ? ClientAddress.Of(context) : null), clock);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
