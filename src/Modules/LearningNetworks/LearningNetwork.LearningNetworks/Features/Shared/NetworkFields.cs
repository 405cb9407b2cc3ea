using FluentValidation;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Domain;

namespace LearningNetwork.LearningNetworks.Features.Shared;

/// <summary>What staff fill in for a network, on create and on edit.</summary>
internal interface INetworkFields
{
    string? Name { get; }

    string? Theme { get; }

    string? Description { get; }

    NetworkMembership? Membership { get; }

    Guid? FacilitatorStaffId { get; }
}

/// <summary>The body create and edit both take.</summary>
internal abstract record NetworkBody : INetworkFields
{
    public string? Name { get; init; }

    public string? Theme { get; init; }

    public string? Description { get; init; }

    public NetworkMembership? Membership { get; init; }

    public Guid? FacilitatorStaffId { get; init; }
}

internal static class NetworkFields
{
    public static NetworkDetails ToDetails(this INetworkFields fields) =>
        new(fields.Name!, fields.Theme!, fields.Description, fields.Membership!.Value, fields.FacilitatorStaffId);
}

/// <summary>The field rules create and edit share.</summary>
internal abstract class NetworkFieldsValidator<T> : AbstractValidator<T>
    where T : INetworkFields
{
    protected NetworkFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("The name is required.").MaximumLength(200);
        RuleFor(x => x.Theme).NotEmpty().WithMessage("The theme is required.").MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(4000);
        RuleFor(x => x.Membership).NotNull().WithMessage("The membership is required: Open or MembersOnly.");
    }
}
